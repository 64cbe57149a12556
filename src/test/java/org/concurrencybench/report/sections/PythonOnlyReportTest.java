package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.ReportGenerator;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.render.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with only CPython's numbers (a --python-task alone: the JVM ran its start-up yardstick and
 * no model cell) gets a report of CPython's section, without a JVM start-up section or a line
 * saying the model results are missing.
 */
class PythonOnlyReportTest {

    @TempDir
    Path dir;

    @Test
    void aPythonOnlyRunsReportHasNoJvmSections() throws Exception {
        Path run = Fixtures.copy("cpython", dir.resolve("run"));
        Files.writeString(run.resolve("cores-1.json"), "[]");
        Files.writeString(run.resolve("cores-2.json"), "[" + jvmStart("BARE_JVM", 32.7) + "]");
        Path out = dir.resolve("report");
        new ReportGenerator(0.95, EnumSet.of(OutputFormat.MD, OutputFormat.HTML))
                .write(List.of(RunReader.read(run)), out, w -> { });
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Real CPython beside the simulation"), md);
        assertFalse(md.contains("JVM start-up"), md);
        assertFalse(md.contains("no ModelBenchmark results"), md);
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("JVM start-up"), html);
    }

    private static String jvmStart(String start, double millis) {
        return """
                {"jmhVersion": "1.37", "benchmark": "org.concurrencybench.bench.JvmStartBenchmark.startOneJvm",
                 "mode": "avgt", "threads": 1, "forks": 1, "jvmArgs": [], "params": {"start": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreConfidence": [%s, %s], "scoreUnit": "ms/op",
                 "rawData": [[%s, %s, %s]]}, "secondaryMetrics": {}}
                """.formatted(start, millis, millis - 1, millis + 1, millis - 1, millis, millis + 1);
    }
}
