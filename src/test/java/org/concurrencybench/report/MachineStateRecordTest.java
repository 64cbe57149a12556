package org.concurrencybench.report;

import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.sections.MachineSection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.concurrencybench.results.CoreCountLabel;
import org.concurrencybench.results.Machines;
import org.concurrencybench.results.MachineInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * machine.json's CPU limits, machine state and budget: they round-trip through the file, a file
 * written before them still reads (they are null), and the report's machine table shows them.
 */
class MachineStateRecordTest {

    private static MachineInfo withEverything() {
        MachineInfo.State before = new MachineInfo.State("2026-11-28T10:00:00Z", "powersave", "on", List.of(1.5, 1.2, 0.9),
                List.of("javac (42): 95% CPU"), 3L, 3600L, 2400L);
        MachineInfo.State after = new MachineInfo.State("2026-11-28T10:10:00Z", "powersave", "on", List.of(0.5, 1.0, 0.9),
                List.of(), 5L, 3600L, 3400L);
        return Machines.of("runId", "run", "label", "box", "startedAt", "2026-11-28T10:00:00Z", "profile", "quick",
                "coreCounts", List.of(1, 2), "models", List.of("SEQUENTIAL"), "workloads", List.of("CPU"),
                "cpuLimits", new MachineInfo.CpuLimit("0-3", 4, 1.5, "/sys/fs/cgroup/x/cpu.max", 1),
                "stateBefore", before, "stateAfter", after,
                "budget", new MachineInfo.Budget("3m", 180_000, 170_000, 1, 1, 200, 2, 200, List.of(1, 2),
                        List.of("forks 2 -> 1")));
    }

    @Test
    void newFieldsRoundTripAndOldFilesStillRead(@TempDir Path dir) throws Exception {
        MachineInfo machine = withEverything();
        Path file = dir.resolve("machine.json");
        new ObjectMapper().writeValue(file.toFile(), machine);
        assertEquals(machine, MachineInfo.read(file));

        Files.writeString(file, "{\"schema\":1,\"runId\":\"old\",\"cpuModel\":\"x\",\"coreCounts\":[1]}");
        MachineInfo old = MachineInfo.read(file);
        assertNull(old.machine().cpuLimits());
        assertNull(old.machine().stateBefore());
        assertNull(old.plan().budget());
        assertEquals(List.of(1), old.plan().coreCounts());
    }

    @Test
    void theMachineTableShowsLimitsStateAndBudget() {
        RunResults run = new RunResults(Path.of("run"), withEverything(), new TreeMap<>(), List.of());
        ReportDocument document = new ReportDocument("t");
        MachineSection.add(document, List.of(run));
        ReportDocument.Table table = document.blocks().stream().filter(b -> b instanceof ReportDocument.Table)
                .map(b -> (ReportDocument.Table) b).findFirst().orElseThrow();
        Map<String, String> rows = new java.util.HashMap<>();
        table.rows().forEach(r -> rows.put(r.get(0), r.get(1)));
        assertEquals("0-3 (4 CPUs) / 1.50 CPUs (/sys/fs/cgroup/x/cpu.max); at most 1 cores planned",
                rows.get("CPUs allowed / cgroup quota"));
        assertEquals("powersave / on", rows.get("governor / turbo"));
        assertEquals("1.50 1.20 0.90 / 0.50 1.00 0.90", rows.get("load average 1/5/15 min, before / after"));
        assertEquals("javac (42): 95% CPU / none busy", rows.get("busiest other processes, before / after"));
        assertEquals("3 / 5", rows.get("thermal throttle events, before / after"));
        assertTrue(rows.get("time budget").startsWith("3m, planned 170 s (1 fork, 1 x 200 ms warm-up, 2 x 200 ms measured);"
                + " gave up: forks 2 -> 1"), rows.get("time budget"));
    }

    @Test
    void hyperthreadStepsReadAsLogicalCpus() {
        assertEquals("8", CoreCountLabel.of(8, 8));
        assertEquals("16 (logical CPUs, 2 per core)", CoreCountLabel.of(16, 8));
        assertEquals("12 (logical CPUs, up to 2 per core)", CoreCountLabel.of(12, 8));
        assertEquals("16 (2/core)", CoreCountLabel.axis(16, 8));
        assertEquals("16", CoreCountLabel.of(16, 0), "unknown topology: no label");
    }
}
