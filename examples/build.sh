#!/usr/bin/env bash
# Builds examples/target/examples.jar from examples/java/src against the suite's API (target/classes,
# or target/benchmarks.jar). Run `mvn -q package -DskipTests` (or ./run-benchmarks.sh once) first.
set -euo pipefail
cd "$(dirname "$0")/.."
api=target/classes
[[ -d $api/org/concurrencybench/api ]] || api=target/benchmarks.jar
[[ -e $api ]] || { echo "examples/build.sh: build the suite first (mvn -q package -DskipTests)" >&2; exit 1; }
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
if ! "$javac" -version 2>&1 | grep -Eq 'javac (2[1-9]|[3-9][0-9])'; then
  for jdk in /usr/lib/jvm/*; do
    if [[ -x $jdk/bin/javac ]] && "$jdk/bin/javac" -version 2>&1 | grep -Eq 'javac (2[1-9]|[3-9][0-9])'; then
      javac=$jdk/bin/javac; break
    fi
  done
fi
rm -rf examples/target/classes
mkdir -p examples/target/classes
"$javac" --release 21 -cp "$api" -d examples/target/classes examples/java/src/example/*.java
jar=${javac%javac}jar
"$jar" cf examples/target/examples.jar -C examples/target/classes .
echo "examples/target/examples.jar"
