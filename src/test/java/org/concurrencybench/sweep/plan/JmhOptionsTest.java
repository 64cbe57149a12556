package org.concurrencybench.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.concurrencybench.bench.BenchmarkDefaults;
import org.junit.jupiter.api.Test;

/** The one parser of JMH's options, as the estimate and the samples per cell read them. */
class JmhOptionsTest {

    @Test
    void readsAStepsArgumentsAndSkipsWhatItDoesNotNeed() {
        JmhOptions o = JmhOptions.parse(List.of("^x\\.CapacityBenchmark\\.", "-p", "model=FIXED_POOL,FORK_JOIN",
                "-prof", "gc", "-f", "1", "-wi", "1", "-w", "600ms", "-i", "3", "-r", "2s", "-to", "60s"),
                JmhOptions.JMH_DEFAULTS);
        assertEquals("^x\\.CapacityBenchmark\\.", o.benchmark());
        assertEquals(Map.of("model", List.of("FIXED_POOL", "FORK_JOIN")), o.params());
        assertEquals(new JmhOptions(o.benchmark(), o.params(), 1, 1, 600, 3, 2000), o);
        assertEquals(3, o.samplesPerBenchmark());
    }

    @Test
    void whatIsNotGivenTakesTheDefaultsNamedAndALaterOptionWins() {
        JmhOptions jmh = JmhOptions.parse(List.of("^x\\."), JmhOptions.JMH_DEFAULTS);
        assertEquals(5 * 5, jmh.samplesPerBenchmark(), "JMH's own: 5 forks of 5 measured iterations");
        assertEquals(10_000, jmh.iterationMillis());
        JmhOptions suite = JmhOptions.parse(List.of("^x\\.", "-i", "2", "-i", "4"), JmhOptions.SUITE_DEFAULTS);
        assertEquals(BenchmarkDefaults.FORKS * 4, suite.samplesPerBenchmark());
        assertEquals(7_000, JmhOptions.millis("7"), "seconds without a unit");
    }
}
