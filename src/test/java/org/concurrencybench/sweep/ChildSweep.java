package org.concurrencybench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A whole sweep in a child JVM, as a user starts it, for what only a process shows: exit codes on
 * signals, locks between two sweeps, children that must die with it. JMH is a stand-in shell script
 * (written here) that writes a JMH-shaped result for each model and workload it is given, after
 * running {@code before} (e.g. {@code sleep 30} to be caught mid-run), so no benchmark runs. The
 * child's temporary folder is the test's own, so JMH's lock and the suite's cache are too.
 */
final class ChildSweep {

    private ChildSweep() {
    }

    /** Writes {@code dir/fake-java}: runs {@code before}, then writes one result per model and workload. */
    static Path fakeJava(Path dir, String before) throws IOException {
        Path fake = dir.resolve("fake-java");
        Files.writeString(fake, """
                #!/bin/sh
                # Stands in for `java -jar benchmarks.jar ...` (see ChildSweep).
                out=""; prev=""; models=""; workloads=""; tasks=64
                for a in "$@"; do
                  [ "$prev" = "-rff" ] && out="$a"
                  case "$prev:$a" in -p:model=*) models="${a#model=}";; -p:workload=*) workloads="${a#workload=}";; -p:tasks=*) tasks="${a#tasks=}";; esac
                  prev="$a"
                done
                BEFORE
                sep=""; printf '[' > "$out"
                IFS=,
                for m in $models; do for w in $workloads; do
                  echo "Iteration   1: 300.000 ms/op"
                  printf '%s{"benchmark":"org.concurrencybench.bench.ModelBenchmark.batch","mode":"avgt","threads":1,"forks":1,"params":{"model":"%s","workload":"%s","tasks":"%s"},"primaryMetric":{"score":300.0,"scoreError":1.0,"scoreUnit":"ms/op","rawData":[[299.0,300.0,301.0]]},"secondaryMetrics":{}}' "$sep" "$m" "$w" "$tasks" >> "$out"
                  sep=","
                done; done
                printf ']' >> "$out"
                """.replace("BEFORE", before));
        if (!fake.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + fake + " executable");
        }
        return fake;
    }

    /** Starts {@code SweepCommand ARGS} in a child JVM in {@code dir}, output to {@code dir/console.txt}. */
    static Process start(Path dir, Path fakeJava, String... args) throws IOException {
        return startLogged(dir, fakeJava, "console.txt", args);
    }

    /** As {@link #start(Path, Path, String...)}, output to {@code dir/CONSOLE}. */
    static Process startLogged(Path dir, Path fakeJava, String console, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + dir,
                "-Dconcurrencybench.benchmarkJava=" + fakeJava, "-Djava.awt.headless=true",
                SweepCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(console).toFile())).start();
    }

    /** The child's console so far. */
    static String console(Path dir) throws IOException {
        return console(dir, "console.txt");
    }

    static String console(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Waits until the console holds {@code text}, at most a minute (the child is slow to start, not the test's subject). */
    static void awaitConsole(Path dir, String text) throws IOException, InterruptedException {
        awaitConsole(dir, "console.txt", text);
    }

    static void awaitConsole(Path dir, String name, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!console(dir, name).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in:\n" + console(dir, name));
            }
            Thread.sleep(100);
        }
    }

    /** Writes {@code dir/NAME}: a stand-in CPython 3.12 that answers the sweep's version probe, then runs {@code body}. */
    static Path fakePython(Path dir, String name, String body) throws IOException {
        Path fake = dir.resolve(name);
        Files.writeString(fake, """
                #!/bin/sh
                case "$2" in *sys.version*) echo "3.12.0 1 1"; exit 0;; esac
                out=""; prev=""; for a in "$@"; do [ "$prev" = "--out" ] && out="$a"; prev="$a"; done
                BODY
                """.replace("BODY", body));
        if (!fake.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + fake + " executable");
        }
        return fake;
    }

    /** Waits for the child to end, at most a minute, and gives its exit code. */
    static int exitCode(Process child) throws InterruptedException {
        if (!child.waitFor(1, TimeUnit.MINUTES)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            throw new AssertionError("the sweep did not end");
        }
        return child.exitValue();
    }
}
