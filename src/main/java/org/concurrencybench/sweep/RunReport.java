package org.concurrencybench.sweep;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concurrencybench.report.ReportGenerator;
import org.concurrencybench.results.SafeName;

/** The report of a sweep's run, into {@code CHARTS/<run-id>/}, through the report's Java API. */
final class RunReport {

    private RunReport() {
    }

    /**
     * Writes the report. A Java runtime without {@code java.desktop} (a jlink'd one on a server)
     * cannot draw charts: the results are complete, and the report is made where a full JDK is.
     */
    static void write(SweepSettings settings, PrintStream console) {
        Path out = folder(settings);
        if (ModuleLayer.boot().findModule("java.desktop").isEmpty()) {
            console.println("Report: not written here, this Java runtime has no java.desktop to draw charts;"
                    + " copy " + settings.run().runDir() + " to a machine with a full JDK and run ./run-benchmarks.sh report there");
            return;
        }
        console.println("Report: " + out);
        ReportGenerator.writeRunReport(settings.run().runDir(), out, warning -> console.println("  warning: " + warning));
    }

    /** {@code --resume} of a run with nothing left to measure: make its report if it has none. */
    static void writeIfMissing(SweepSettings settings, PrintStream console) {
        if (!Files.exists(folder(settings).resolve("report.md"))) {
            write(settings, console);
        }
    }

    private static Path folder(SweepSettings settings) {
        return settings.run().chartsDir().resolve(SafeName.of(settings.run().runId()));
    }
}
