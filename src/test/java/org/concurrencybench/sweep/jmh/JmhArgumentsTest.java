package org.concurrencybench.sweep.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.concurrencybench.bench.CapacityBenchmark;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.sweep.plan.JmhOptions;
import org.concurrencybench.sweep.plan.LoggedStep;
import org.concurrencybench.sweep.plan.SweepPlan;
import org.junit.jupiter.api.Test;

/** The one place a planned step becomes JMH's arguments: their order, their quoting, what is refused. */
class JmhArgumentsTest {

    /** A committed run whose logs hold every invocation's command line, capacity steps included. */
    private static final Path LOGS = Path.of("results/20261201-081732-dev-2core/logs");

    @Test
    void writesTheParametersInThePlansOrderAndEachNamesValuesInTheirs() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("workload", List.of("SLEEP", "CPU"));
        params.put("model", List.of("FORK_JOIN", "SEQUENTIAL"));
        params.put("tasks", List.of("32"));
        SweepPlan.Step step = new SweepPlan.Step("models", ModelBenchmark.class, params, JmhOptions.of(1, 2, 500, 3, 700));
        assertEquals(List.of("^\\Qorg.concurrencybench.bench.ModelBenchmark\\E\\.", "-p", "workload=SLEEP,CPU",
                "-p", "model=FORK_JOIN,SEQUENTIAL", "-p", "tasks=32", "-f", "1", "-wi", "2", "-w", "500ms", "-i", "3",
                "-r", "700ms"), JmhArguments.of(step));
    }

    @Test
    void addsTheProfilerTheTimeoutAndTheForksOptionsOnlyWhereAsked() {
        JmhOptions options = JmhOptions.of(1, 1, 100, 3, 100).withGcProfiler().withTimeout(Duration.ofMinutes(3))
                .withForkJvmArgs(List.of("-Da=/x/t.jar", "-Db=30"));
        List<String> args = JmhArguments.of(new SweepPlan.Step("capacity", CapacityBenchmark.class,
                Map.of("tasks", List.of("100", "1000")), options));
        assertEquals(List.of("-p", "tasks=100,1000", "-prof", "gc", "-f", "1"), args.subList(1, 7));
        assertEquals(List.of("-to", "180s", "-jvmArgsPrepend", "-Da=/x/t.jar -Db=30"), args.subList(args.size() - 4,
                args.size()));
    }

    @Test
    void thePatternPicksTheClassesBenchmarksAndNoOtherClass() {
        Pattern pattern = Pattern.compile(JmhArguments.benchmarkPattern(ModelBenchmark.class));
        assertTrue(pattern.matcher("org.concurrencybench.bench.ModelBenchmark.batch").find());
        assertFalse(pattern.matcher("org.concurrencybench.bench.ModelBenchmarkX.batch").find(), "a longer name");
        assertFalse(pattern.matcher("orgXconcurrencybench.bench.ModelBenchmark.batch").find(), "dots are literal");
        assertFalse(pattern.matcher("x.org.concurrencybench.bench.ModelBenchmark.batch").find(), "from the start");
    }

    @Test
    void refusesWhatJmhWouldSplitOrDrop() {
        JmhOptions options = JmhOptions.of(1, 0, 100, 1, 100);
        assertThrows(IllegalArgumentException.class, () -> JmhArguments.of(new SweepPlan.Step("s", ModelBenchmark.class,
                Map.of("task", List.of("a,b")), options)), "JMH splits values at commas");
        assertThrows(IllegalArgumentException.class, () -> JmhArguments.of(new SweepPlan.Step("s", ModelBenchmark.class,
                Map.of("model", List.of()), options)), "a parameter with no value runs nothing planned");
        assertThrows(IllegalArgumentException.class, () -> JmhArguments.of(new SweepPlan.Step("s", ModelBenchmark.class,
                Map.of(), options.withForkJvmArgs(List.of("-Dcp=/my tasks/t.jar")))), "JMH splits fork options at spaces");
    }

    /** Every invocation of a committed run, read back into its step and written again, argument for argument. */
    @Test
    void writesWhatTheCommittedRunRan() throws Exception {
        int invocations = 0;
        for (String log : List.of("cores-1.log", "cores-2.log")) {
            for (String line : Files.readAllLines(LOGS.resolve(log))) {
                if (line.startsWith("$ ")) {
                    List<String> logged = LoggedStep.jmhArgs(line);
                    assertEquals(logged, JmhArguments.of(LoggedStep.parse("logged", logged)), line);
                    invocations++;
                }
            }
        }
        assertEquals(29, invocations, "the run's three and twenty-six invocations");
    }
}
