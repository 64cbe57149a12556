#!/usr/bin/env bash
# make-bundle.sh JAVA_HOME [--with-runtime]: called by './run-benchmarks.sh bundle'. Packs
# run-benchmarks.sh, target/benchmarks.jar and RUNNING.md into target/concurrency-bench-VERSION.tar.gz
# (the layout 'mvn package' writes, src/assembly/bundle.xml). With --with-runtime it adds runtime/,
# a Java runtime made by jlink from JAVA_HOME with the modules jdeps finds in the jar plus those the
# suite loads by name (java.desktop for the report's charts, jdk.management, jdk.unsupported for
# JMH and JNA), and writes target/concurrency-bench-VERSION-runtime-OS-ARCH.tar.gz instead: it runs
# on a machine of the same OS and architecture that has no Java at all.
set -euo pipefail
java_home=$1; shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
with_runtime=false
for arg in "$@"; do
  case $arg in
    --with-runtime) with_runtime=true ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-benchmarks.sh bundle: unknown option '$arg' (expected --with-runtime)" >&2; exit 2 ;;
  esac
done
jar=$root/target/benchmarks.jar
[[ -f $jar ]] || { echo "run-benchmarks.sh bundle: $jar is missing; build it with 'mvn package -DskipTests'" >&2; exit 2; }
version=$(sed -n '/<artifactId>concurrency-models-bench<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$root/pom.xml")
[[ -n $version ]] || { echo "run-benchmarks.sh bundle: no project version in $root/pom.xml" >&2; exit 2; }
name=concurrency-bench-$version
stage=$root/target/bundle
rm -rf "$stage" && mkdir -p "$stage/$name"
install -m 0755 "$root/run-benchmarks.sh" "$stage/$name/run-benchmarks.sh"
install -m 0644 "$jar" "$stage/$name/benchmarks.jar"
install -m 0644 "$root/src/bundle/RUNNING.md" "$stage/$name/RUNNING.md"
# The CPython companion (standard library only), so a bundle, and so 'remote', runs real CPython too.
install -m 0644 -D "$root/python/run_cpython.py" "$stage/$name/python/run_cpython.py"
for module in "$root"/python/cpybench/*.py; do
  install -m 0644 -D "$module" "$stage/$name/python/cpybench/$(basename "$module")"
done
archive=$root/target/$name.tar.gz
if $with_runtime; then
  for tool in jdeps jlink; do
    [[ -x $java_home/bin/$tool ]] || { echo "run-benchmarks.sh bundle --with-runtime: $java_home has no $tool; set JAVA_HOME to a JDK (not a JRE)" >&2; exit 2; }
  done
  found=$("$java_home/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 "$jar")
  modules=$(echo "$found,java.desktop,java.management,jdk.management,jdk.unsupported,java.logging,java.naming,java.xml" \
    | tr , "\n" | sort -u | paste -sd, -)
  echo "jlink: $modules"
  "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress zip-6 --generate-cds-archive --output "$stage/$name/runtime"
  os=$(uname -s | tr '[:upper:]' '[:lower:]'); arch=$(uname -m)
  archive=$root/target/$name-runtime-$os-$arch.tar.gz
fi
tar czf "$archive" -C "$stage" "$name"
rm -rf "$stage"
echo "Bundle: $archive ($(du -h "$archive" | cut -f1)); unpack it anywhere and run ./run-benchmarks.sh there (see RUNNING.md)"
