#!/usr/bin/env bash
# remote-sweep.sh: the far side of './run-benchmarks.sh remote', copied beside the unpacked bundles.
#   remote-sweep.sh run TOKEN BUNDLE_DIR SWEEP_ARGS...   run one sweep; stop it when stdin closes
#   remote-sweep.sh stop TOKEN                           stop that sweep if it still runs, and wait for it
# Why stdin: sshd closes the remote command's stdin when the local side stops (Ctrl-C) or the
# connection drops, with or without a terminal, so a sweep never outlives its ssh session. The
# sweep gets SIGTERM (its Ctrl-C path: it keeps the core counts that finished, which
# 'remote --resume' continues, and stops its JMH child); its whole process group gets SIGKILL if
# it has not ended 60 s later. Nothing is left running.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$here/sweeps"

stop_group() {  # stop_group PID: TERM, up to 60 s to finish, then KILL its process group
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 120; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
}

case ${1:-} in
  run)
    token=$2 bundle=$3
    shift 3
    exec 3<&0 </dev/null
    # Its own session and process group (where setsid exists), so that stop_group reaches JMH's forks too.
    if command -v setsid >/dev/null 2>&1; then
      setsid "$bundle/run-benchmarks.sh" --no-build "$@" &
    else
      "$bundle/run-benchmarks.sh" --no-build "$@" &
    fi
    pid=$!
    echo "$pid" >"$here/sweeps/$token.pid"
    ( while read -r -u 3 _; do :; done; stop_group "$pid" ) >/dev/null 2>&1 &
    watcher=$!
    exec 3<&-
    wait "$pid"
    rc=$?
    kill "$watcher" 2>/dev/null
    rm -f "$here/sweeps/$token.pid"
    exit "$rc" ;;
  stop)
    pidfile=$here/sweeps/$2.pid
    if [[ -f $pidfile ]]; then
      pid=$(cat "$pidfile")
      stop_group "$pid"
      for ((i = 0; i < 20; i++)); do [[ -f $pidfile ]] || break; sleep 0.5; done
      rm -f "$pidfile"
    fi ;;
  *)
    echo "remote-sweep.sh: expected 'run TOKEN BUNDLE_DIR ARGS...' or 'stop TOKEN'" >&2
    exit 2 ;;
esac
