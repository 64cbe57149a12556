package org.concurrencybench.sweep.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.Cell;
import org.junit.jupiter.api.Test;

/** The sweep's reading of JMH's console, on excerpts of real JMH 1.37 logs from a committed run. */
class JmhConsoleTest {

    private static JmhConsole read(String resource) throws IOException {
        JmhConsole console = new JmhConsole();
        try (InputStream in = JmhConsoleTest.class.getResourceAsStream("/sweep/" + resource)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(console::accept);
        }
        return console;
    }

    @Test
    void aFailedIterationAfterMeasuredOnesFailsTheBenchmarkThatJmhStillGaveAResult() throws IOException {
        // An excerpt of a committed run's log (20261126-012552-dev-2core, since replaced): "Iteration   3: <failure>", then a Result line.
        JmhConsole console = read("jmh-failed-iteration.log");
        assertEquals(1, console.failures().size());
        JmhConsole.Failure failure = console.failures().get(0);
        assertEquals("org.concurrencybench.bench.CapacityBenchmark.batch", failure.benchmark());
        assertEquals("EVENT_LOOP", failure.params().get("model"));
        assertEquals("IO", failure.params().get("workload"));
        assertEquals("10000", failure.params().get("tasks"));
        assertTrue(failure.reason().startsWith("org.concurrencybench.model.BatchFailedException: task 9995 of 10000"),
                failure.reason());
        assertTrue(failure.reason().endsWith("Too many open files"), failure.reason());
    }

    @Test
    void aMeasuredBenchmarkGivesItsScoreAndNoFailure() throws IOException {
        JmhConsole console = read("jmh-measured.log");
        assertEquals(List.of(), console.failures());
        assertEquals(1, console.scores().size());
        JmhConsole.Score score = console.scores().get(0);
        assertEquals("305.350", score.score());
        assertEquals("4.715", score.error());
        assertEquals("ms/op", score.unit());
        assertEquals("SEQUENTIAL", score.params().get("model"));
        assertEquals("SEQUENTIAL CPU tasks=64", JmhLauncher.shown(score.benchmark(), score.params()));
    }

    @Test
    void aWarmUpFailureAndJmhsOwnErrorsAreCaught() {
        JmhConsole console = new JmhConsole();
        List.of("# Benchmark: org.concurrencybench.bench.JvmStartBenchmark.startOneJvm",
                "# Parameters: (start = BARE_JVM)", "# Warmup Iteration   1: <failure>", "",
                "java.io.IOException: Cannot run program \"java\"", "ERROR: another JMH instance might be running")
                .forEach(console::accept);
        assertEquals("java.io.IOException: Cannot run program \"java\"", console.failures().get(0).reason());
        assertEquals("ERROR: another JMH instance might be running", console.firstError());
        console.accept("Result \"org.concurrencybench.bench.JvmStartBenchmark.startOneJvm\":");
        console.accept("  41.250 ms/op");
        assertEquals("41.250", console.scores().get(0).score(), "two samples: JMH prints no error");
        assertEquals(null, console.scores().get(0).error());
        assertEquals("JvmStart start=BARE_JVM", JmhLauncher.shown(console.failures().get(0).benchmark(),
                console.failures().get(0).params()), "console rows of every benchmark carry their names");
    }

    @Test
    void aForkThatStoppedItselfFailsItsBenchmarkWithTheReasonItPrinted() {
        JmhConsole console = new JmhConsole();
        List.of("# Benchmark: org.concurrencybench.bench.ModelBenchmark.batch",
                "# Parameters: (model = FIXED_POOL, task = t.Hang, workload = USER)",
                "# Warmup Iteration   1: <forked VM failed with exit code 70>",
                "<stdout last='20 lines'>",
                "concurrencybench: FAILED: task t.Hang under FIXED_POOL: a batch did not finish within 60.0 s"
                        + " (the per-batch timeout, --task-timeout); the fork is stopped",
                "</stdout>", "<stderr last='20 lines'>",
                "concurrencybench: FAILED: task t.Hang under FIXED_POOL: a batch did not finish within 60.0 s"
                        + " (the per-batch timeout, --task-timeout); the fork is stopped",
                "</stderr>").forEach(console::accept);
        assertEquals(1, console.failures().size(), "said on both streams, counted once");
        JmhConsole.Failure failure = console.failures().get(0);
        assertEquals("t.Hang", failure.params().get("task"));
        assertEquals("task t.Hang under FIXED_POOL: a batch did not finish within 60.0 s (the per-batch timeout,"
                + " --task-timeout); the fork is stopped", failure.reason());
    }

    /**
     * With two user tasks in one JMH run, one whose fork exits (System.exit(42)) and one that throws,
     * the first must not be blamed with the second's exception (the last error line of the whole
     * output): each cell's reason comes from the lines under its own benchmark header.
     */
    @Test
    void aDeadForkIsBlamedWithItsOwnLinesNotAnotherBenchmarks() {
        JmhConsole console = new JmhConsole();
        List.of("# Benchmark: org.concurrencybench.bench.ModelBenchmark.batch",
                "# Parameters: (model = SEQUENTIAL, task = probe.Exit, workload = USER)",
                "# Warmup Iteration   1: <forked VM failed with exit code 42>",
                "<stdout last='20 lines'>", "</stdout>", "<stderr last='20 lines'>", "</stderr>",
                "# Benchmark: org.concurrencybench.bench.ModelBenchmark.batch",
                "# Parameters: (model = SEQUENTIAL, task = probe.Xss, workload = USER)",
                "# Warmup Iteration   1: <failure>", "",
                "java.lang.StackOverflowError", "\tat probe.Xss.run(Xss.java:9)",
                "Caused by: java.lang.StackOverflowError").forEach(console::accept);
        Cell exit = new Cell("org.concurrencybench.bench.ModelBenchmark.batch",
                Map.of("model", "SEQUENTIAL", "workload", "USER", "task", "probe.Exit"));
        assertEquals("a fork exited with 42", console.problem(exit));
        assertFalse(console.problem(exit).contains("StackOverflowError"));
    }

    @Test
    void linesBeforeAnyBenchmarkHeaderCountForEveryCell() {
        JmhConsole console = new JmhConsole();
        List.of("<forked VM failed with exit code 137>", "java.lang.OutOfMemoryError: Java heap space")
                .forEach(console::accept);
        Cell any = new Cell("org.concurrencybench.bench.ModelBenchmark.batch", Map.of("model", "SEQUENTIAL"));
        assertEquals("a fork exited with 137: java.lang.OutOfMemoryError: Java heap space", console.problem(any));
    }
}
