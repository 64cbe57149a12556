package org.concurrencybench.sweep.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.MachineInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cpufreq and throttle facts from a fixture sysfs, and the one-line warnings at the start. */
class MachineStateTest {

    @Test
    void readsGovernorBoostAndThrottleCounters(@TempDir Path cpu) throws Exception {
        Files.createDirectories(cpu.resolve("cpu0/cpufreq"));
        Files.writeString(cpu.resolve("cpu0/cpufreq/scaling_governor"), "powersave\n");
        Files.createDirectories(cpu.resolve("intel_pstate"));
        Files.writeString(cpu.resolve("intel_pstate/no_turbo"), "1\n");
        int[][] counts = {{4, 2}, {1, 2}};
        for (int n = 0; n < 2; n++) {
            Path throttle = Files.createDirectories(cpu.resolve("cpu" + n + "/thermal_throttle"));
            Files.writeString(throttle.resolve("core_throttle_count"), counts[n][0] + "\n");
            Files.writeString(throttle.resolve("package_throttle_count"), counts[n][1] + "\n");
        }
        assertEquals(Map.of("governor", "powersave", "boost", "off", "throttle", "9"), MachineState.readCpufreq(cpu));
        Files.delete(cpu.resolve("intel_pstate/no_turbo"));
        Files.createDirectories(cpu.resolve("cpufreq"));
        Files.writeString(cpu.resolve("cpufreq/boost"), "1\n");
        assertEquals("on", MachineState.readCpufreq(cpu).get("boost"));
        assertEquals(Map.of(), MachineState.readCpufreq(cpu.resolve("absent")));
    }

    @Test
    void warnsOnPowersaveAndALoadOverHalfACorePerCore() {
        MachineInfo.State busy = new MachineInfo.State("t", "powersave", null, List.of(1.2, 1.0, 1.0),
                List.of("javac (42): 95% CPU"), null, null, null);
        List<String> warnings = MachineState.warnings(busy, 2);
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).startsWith("Warning: the CPU frequency governor is powersave"), warnings.get(0));
        assertEquals("Warning: load average 1.20 on 2 usable cores (over 0.5 per core): other work will distort the run;"
                + " busiest: javac (42): 95% CPU", warnings.get(1));
        MachineInfo.State quiet = new MachineInfo.State("t", "performance", "on", List.of(0.9, 1.0, 1.0), List.of(),
                null, null, null);
        assertEquals(List.of(), MachineState.warnings(quiet, 2), "0.9 on 2 cores is under 0.5 per core");
        assertEquals(List.of(), MachineState.warnings(new MachineInfo.State("t", null, null, List.of(), List.of(), null,
                null, null), 1), "no load average known (Windows): no warning");
    }
}
