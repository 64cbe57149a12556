package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The run-time estimate: an iteration lasts whole batches, and the model reproduces the committed
 * default-profile run ({@code results/20261126-012552-dev-2core}), whose JMH logs hold every
 * invocation's command line and JMH's own "Total time", within 15% per core count.
 */
class RunCostModelTest {

    private static final Path CALIBRATION_RUN = Path.of("results/20261126-012552-dev-2core/logs");
    private static final Pattern TOTAL = Pattern.compile("# Run complete\\. Total time: (\\d+):(\\d+):(\\d+)");

    @Test
    void anIterationLastsWholeBatches() {
        assertEquals(1000, RunCostModel.iteration(1000, 0));
        assertEquals(1200, RunCostModel.iteration(1000, 300)); // four batches of 300 ms pass 1 s
        assertEquals(5000, RunCostModel.iteration(200, 5000)); // one batch, however short the iteration
        assertEquals(1000, RunCostModel.iteration(1000, 250));
    }

    @Test
    void reproducesTheCommittedRunsInvocationTimes() throws IOException {
        for (String log : List.of("cores-1.log", "cores-2.log")) {
            long real = 0;
            long estimated = 0;
            int cores = 0;
            List<String> lines = Files.readAllLines(CALIBRATION_RUN.resolve(log));
            for (String line : lines) {
                if (line.startsWith("$ ")) {
                    List<String> words = Arrays.asList(line.substring(2).split(" "));
                    cores = Integer.parseInt(words.stream().filter(w -> w.startsWith("-XX:ActiveProcessorCount="))
                            .findFirst().orElseThrow().replaceAll("\\D", ""));
                    List<String> jmhArgs = new ArrayList<>(words.subList(words.indexOf("-jar") + 2, words.indexOf("-rf")));
                    estimated += RunCostModel.invocationMillis(jmhArgs, cores);
                }
                Matcher total = TOTAL.matcher(line);
                if (total.find()) {
                    real += 1000 * (3600L * Integer.parseInt(total.group(1)) + 60L * Integer.parseInt(total.group(2))
                            + Integer.parseInt(total.group(3)));
                }
            }
            double ratio = (double) estimated / real;
            assertTrue(real > 0 && Math.abs(ratio - 1) <= 0.15, log + ": estimate/real = " + ratio);
        }
    }

    @Test
    void slowBatchesCostMoreThanTheirIterations() {
        // PROCESS_PER_TASK's batches (64 JVM starts) outlast a 200 ms iteration many times over.
        List<String> args = List.of("^org\\.concurrencybench\\.bench\\.ModelBenchmark\\.", "-p", "model=PROCESS_PER_TASK",
                "-p", "workload=CPU", "-f", "1", "-wi", "0", "-w", "200ms", "-i", "1", "-r", "200ms");
        long oneBatch = RunCostModel.invocationMillis(args, 1);
        assertTrue(oneBatch > 5000, "one batch at one core: " + oneBatch);
        List<String> sequential = new ArrayList<>(args);
        sequential.set(2, "model=SEQUENTIAL");
        assertTrue(RunCostModel.invocationMillis(sequential, 1) < 2000);
    }
}
