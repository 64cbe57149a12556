package org.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.CpuLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run whose machine file has a CPU layout reads its core counts by the hardware in the report's
 * tables ("2 (P-cores)", "4 (+2 E)"); the same run without it reads them as plain counts.
 */
class HardwareLabelsReportTest {

    @TempDir
    Path temp;

    @Test
    void tablesLabelCoreCountsAsTheLayoutHasThem() throws Exception {
        Path run = Fixtures.copy("laptop", temp.resolve("run"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode machine = (ObjectNode) json.readTree(run.resolve("machine.json").toFile());
        CpuLayout layout = new CpuLayout(List.of(new CpuLayout.Boundary(2, "the P-cores", "the E-cores join")),
                Map.of("1", new CpuLayout.CoreCount("1", "1", List.of()),
                        "2", new CpuLayout.CoreCount("2 (P-cores)", "2 (P)", List.of()),
                        "4", new CpuLayout.CoreCount("4 (+2 E)", "4 (+2 E)", List.of())));
        machine.set("cpuLayout", json.valueToTree(layout));
        json.writeValue(run.resolve("machine.json").toFile(), machine);
        Path out = temp.resolve("out");
        assertEquals(0, new CommandLine(new ReportCommand()).execute(run.toString(), "--out", out.toString(),
                "--format", "md,png"));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| 2 (P-cores) |"), report);
        assertTrue(report.contains("| 4 (+2 E) |"), report);

        Path plain = Fixtures.copy("laptop", temp.resolve("plain"));
        assertEquals(0, new CommandLine(new ReportCommand()).execute(plain.toString(), "--out",
                temp.resolve("plain-out").toString(), "--format", "md"));
        String before = Files.readString(temp.resolve("plain-out/report.md"));
        assertTrue(!before.contains("P-cores") && !before.contains("(+2 E)"), before);
    }
}
