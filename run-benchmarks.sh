#!/usr/bin/env bash
# run-benchmarks.sh: the one entry point of the suite.
#   ./run-benchmarks.sh [flags]               sweep the core counts, then write the charts and report
#   ./run-benchmarks.sh report RUN_DIR... [--out DIR]   only the report (two or more runs: a comparison)
#   ./run-benchmarks.sh verify RUN_DIR        check that every planned cell of a run has a state
#   ./run-benchmarks.sh bundle [--with-runtime]         the archive to run it elsewhere (see src/bundle/RUNNING.md)
#   ./run-benchmarks.sh remote HOST[,HOST...] [flags]    sweep other machines over ssh, fetch, report (docs/running.md)
#   ./run-benchmarks.sh -h                    every flag, explained
# Exit codes: 0 every cell measured or skipped; 1 an error; 2 wrong usage; 3 some cells failed
# (results and report still written); 130 interrupted by Ctrl-C (SIGINT), 143 stopped by SIGTERM
# (the shell's 128 + signal; the finished rounds are kept either way). Errors are one line on stderr.
# It finds a JDK 21+ (JAVA_HOME, java on the PATH, /usr/lib/jvm, SDKMAN, macOS's
# JavaVirtualMachines), builds target/benchmarks.jar with Maven when it is missing or older than the
# sources or the last commit (not with --no-build, so a machine with only a Java runtime can run a copied jar), then
# execs the sweep (org.concurrencybench.sweep.SweepCommand) or the report in that jar.
set -euo pipefail
# Cron, systemd units and 'env -i' may start us without HOME: take the account's home directory
# (Maven needs one for ~/.m2), else look for nothing under it.
if [[ -z ${HOME:-} ]]; then
  HOME=$(getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6) || true
  [[ -n $HOME ]] && export HOME || unset HOME
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar="$root/target/benchmarks.jar"
# Unpacked from a bundle (target/concurrency-bench-VERSION.tar.gz): the jar lies beside this script,
# there is no source to build, and a bundled runtime (runtime/, from 'bundle --with-runtime') is preferred.
bundled=false
if [[ -f $root/benchmarks.jar && ! -f $root/pom.xml ]]; then
  bundled=true
  jar="$root/benchmarks.jar"
fi

die() { echo "run-benchmarks.sh: $*" >&2; exit 1; }

java_major() {  # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | sed 's/^1\.//; s/\..*//'
}

find_java() {
  local candidates=() j v
  [[ -x $root/runtime/bin/java ]] && candidates+=("$root/runtime/bin/java")
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for j in /usr/lib/jvm/* ${HOME:+"$HOME"/.sdkman/candidates/java/*} /Library/Java/JavaVirtualMachines/*/Contents/Home \
           /opt/java/* /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home; do
    [[ -x $j/bin/java ]] && candidates+=("$j/bin/java")
  done
  for j in "${candidates[@]}"; do
    v=$(java_major "$j")
    if [[ -n $v && $v -ge 21 ]]; then echo "$j"; return 0; fi
  done
  return 1
}

java_bin=$(find_java) || die "no JDK 21 or newer found (looked at JAVA_HOME, java on the PATH, /usr/lib/jvm, ~/.sdkman, /Library/Java). Install one, e.g. 'apt-get install openjdk-21-jdk', 'brew install openjdk@21' or 'sdk install java 21-tem', or set JAVA_HOME."
java_home=$(cd "$(dirname "$java_bin")/.." && pwd)

# --no-build is the script's own flag: taken out here (the sweep's -h lists it too). Help needs
# no fresh build where a jar is there already.
no_build=false
args=()
for arg in "$@"; do
  case $arg in
    --no-build) no_build=true ;;
    -h|--help|-V|--version) [[ -f $jar ]] && no_build=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done
set -- ${args[@]+"${args[@]}"}
$bundled && no_build=true


# Built from the tree as it is: sources newer than the jar, or a commit, checkout or reset since
# it was built (git's HEAD log moved), since the jar records the commit it was built from.
needs_build() {
  [[ ! -f $jar ]] && return 0
  local head_log=$root/.git/logs/HEAD
  [[ -f $head_log && $head_log -nt $jar ]] && return 0
  [[ -n $(find "$root/src/main" "$root/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null) ]]
}

if $no_build; then
  [[ -f $jar ]] || die "--no-build: $jar is missing; build it once with 'mvn package -DskipTests' (or drop --no-build)"
elif needs_build; then
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build $jar; install it, or copy a built jar there and pass --no-build"
  echo "Building target/benchmarks.jar with $java_home ..."
  # Maven runs on whatever java it finds (toolchains then compile and test with a JDK 21+); it gets
  # JAVA_HOME only where no java is on the PATH.
  maven=(mvn -B -q -Dstyle.color=never -f "$root/pom.xml" package -DskipTests)
  strip_colour() { sed 's/\x1b\[[0-9;]*m//g'; }
  if command -v java >/dev/null 2>&1; then "${maven[@]}" 2>&1 | strip_colour; else JAVA_HOME="$java_home" "${maven[@]}" 2>&1 | strip_colour; fi \
    || die "the build failed (see Maven's output above)"
fi

# 'bundle [--with-runtime]': the archive to copy to another machine (the same one 'mvn package'
# writes), optionally with a jlink'd runtime for a machine without Java.
if [[ ${1:-} == bundle ]]; then
  $bundled && die "bundle: run it in the source tree (this is an unpacked bundle already)"
  shift
  exec "$root/src/bundle/make-bundle.sh" "$java_home" "$@"
fi

# A capacity batch of IO tasks holds two descriptors per connection: let JMH and its forks use as many
# open files as the hard limit allows (the sweep plans against that limit and records it).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

case ${1:-} in
  report) shift; main=org.concurrencybench.report.ReportCommand ;;
  verify) shift; main=org.concurrencybench.sweep.VerifyCommand ;;
  remote) shift; $bundled && die "remote: run it in the source tree (it copies this tree's bundle)"
          main=org.concurrencybench.remote.RemoteCommand ;;
  *) main=org.concurrencybench.sweep.SweepCommand ;;
esac
# The sweep's lock and the suite's cache live in java.io.tmpdir, which the JVM never takes from
# TMPDIR: pass it on, as docs/running.md promises.
tmpdir_flag=()
[[ -n ${TMPDIR:-} ]] && tmpdir_flag=("-Djava.io.tmpdir=$TMPDIR")
# The JVM reads file names in the locale's charset: under C/POSIX a non-ASCII path is refused
# ("Malformed input or input contains unmappable characters"). Take C.UTF-8 where the system has it.
if [[ $(locale charmap 2>/dev/null) != UTF-8 ]] && locale -a 2>/dev/null | grep -iE '^c\.utf-?8$' >/dev/null; then
  export LC_ALL=C.UTF-8
fi
# Native access: OSHI reads the machine's state through JNA.
exec "$java_bin" ${tmpdir_flag[@]+"${tmpdir_flag[@]}"} -Djava.awt.headless=true -Dconcurrencybench.root="$root" --enable-native-access=ALL-UNNAMED -cp "$jar" "$main" "$@"
