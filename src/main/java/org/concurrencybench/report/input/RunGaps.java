package org.concurrencybench.report.input;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RunFolder;

/**
 * What a run read whole still lacks beside JMH's cells: real CPython's file at a core count where
 * the run has CPython at others, and rounds that never ended (a sweep stopped before its stopping
 * rule, such as one killed after round 1 of {@code --min-rounds 2}) or whose folders are gone.
 * The report lists these lines under "Incomplete run" and {@code verify} fails on them, so both
 * say the same about one folder.
 */
public final class RunGaps {

    private RunGaps() {
    }

    /** One line per gap; none for a complete run, or for results built in memory. */
    public static List<String> of(RunResults run) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(run.directory())) {
            return lines;
        }
        RunFolder folder = new RunFolder(run.directory());
        SortedSet<Integer> cpython = listed(folder, true);
        if (!cpython.isEmpty()) {
            for (int cores : run.byCores().keySet()) {
                if (!cpython.contains(cores)) {
                    lines.add(folder.cpythonFile(cores).getFileName() + " is missing: CPython ran beside the JVM at "
                            + cpython + " cores and has no results at " + cores + ".");
                }
            }
        }
        MachineInfo.Rounds rounds = run.machine().rounds();
        if (rounds != null) {
            int onDisk = listed(folder, false).size();
            if (rounds.stoppedBy() == null) {
                lines.add("The rounds did not end: " + onDisk + " finished under " + RoundFiles.ROUNDS + "/ (at least "
                        + rounds.minRounds() + " planned) and " + RunFolder.MACHINE + " records no stop.");
            } else if (rounds.finished() != null && onDisk < rounds.finished()) {
                lines.add(RoundFiles.ROUNDS + "/ holds " + onDisk + " finished rounds; " + RunFolder.MACHINE
                        + " records " + rounds.finished() + " (a round's folder is gone).");
            }
        }
        return lines;
    }

    private static SortedSet<Integer> listed(RunFolder folder, boolean cpython) {
        try {
            return cpython ? folder.cpythonCoreCounts() : new RoundFiles(folder.dir()).finished();
        } catch (IOException e) {
            throw new ReportException(folder.dir() + ": cannot list the folder (" + e.getMessage() + ")");
        } catch (org.concurrencybench.results.RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }
}
