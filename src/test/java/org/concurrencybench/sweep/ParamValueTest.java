package org.concurrencybench.sweep;

import static org.concurrencybench.sweep.CommandLines.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --param cpuUnits=abc} or {@code -5} would pass {@code --dry-run}, run every core count and
 * fail every cell; it is one line and exit 2 before anything runs.
 */
class ParamValueTest {

    @Test
    void valuesAreCheckedAgainstTheDeclaredType() {
        assertEquals("--param cpuUnits=abc: expected a whole number from 0 to 2147483647 (ModelBenchmark.cpuUnits)",
                assertThrows(IllegalArgumentException.class, () -> resolve("--param", "cpuUnits=abc")).getMessage());
        assertEquals("--param cpuUnits=-5: expected a whole number from 0 to 2147483647 (ModelBenchmark.cpuUnits)",
                assertThrows(IllegalArgumentException.class, () -> resolve("--param", "cpuUnits=-5")).getMessage());
        assertEquals("--param sleepMicros=1e3: expected a whole number from 0 to 9223372036854775807"
                + " (ModelBenchmark.sleepMicros)",
                assertThrows(IllegalArgumentException.class, () -> resolve("--param", "sleepMicros=1e3")).getMessage());
        assertEquals("--param gilFlavour=NEW: expected one of MODERN, LEGACY (ModelBenchmark.gilFlavour)",
                assertThrows(IllegalArgumentException.class, () -> resolve("--param", "gilFlavour=NEW")).getMessage());
        assertEquals("770", resolve("--param", "cpuUnits=770").plan().params().get("cpuUnits"));
        // A batch too large for its type says its range, not "at least 1".
        assertEquals("--param tasks=99999999999: expected a batch size from 1 to 2147483647",
                assertThrows(IllegalArgumentException.class, () -> resolve("--param", "tasks=99999999999")).getMessage());
    }

    @Test
    void aBadValueExitsTwoBeforeAnythingRuns() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(SweepCommand.USAGE, new CommandLine(new SweepCommand()).execute("--dry-run", "--no-python",
                    "--param", "cpuUnits=-5"));
        } finally {
            System.setErr(err);
        }
        assertEquals("run-benchmarks.sh: --param cpuUnits=-5: expected a whole number from 0 to 2147483647"
                + " (ModelBenchmark.cpuUnits)", captured.toString(StandardCharsets.UTF_8).strip());
    }
}
