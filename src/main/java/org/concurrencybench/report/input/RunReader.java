package org.concurrencybench.report.input;

import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.MachineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RoundPool;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.RunFolderException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a run folder as the sweep writes it ({@link RunFolder}): the machine's description, JMH's
 * own output per core count, and optionally the outcomes of the cells without a number. Any unreadable file stops the
 * report with a one-line {@link ReportException}: a report silently missing a core count would
 * draw a wrong scaling curve.
 */
public final class RunReader {

    private RunReader() {
    }

    public static RunResults read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ReportException(directory + ": no such run folder");
        }
        RunFolder folder = new RunFolder(directory);
        Path machineFile = folder.machineFile();
        if (!Files.exists(machineFile)) {
            throw new ReportException(machineFile + ": file not found (every run folder written by the sweep has one)");
        }
        MachineInfo machine;
        InputLimits.checkSize(machineFile);
        try {
            machine = MachineInfo.read(machineFile);
        } catch (RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        }
        SortedMap<Integer, List<BenchmarkResult>> byCores = new TreeMap<>();
        for (int cores : coreCounts(folder)) {
            Path file = folder.coresFile(cores);
            InputLimits.checkSize(file);
            byCores.put(cores, withRounds(folder, cores, results(file)));
            InputLimits.checkResults(file, byCores.get(cores));
        }
        InputLimits.checkSettings(directory, byCores);
        if (byCores.isEmpty()) {
            throw new ReportException(directory + ": no core count has finished yet (planned " + machine.plan().coreCounts()
                    + "); finish the run with ./run-benchmarks.sh --resume " + directory);
        }
        List<Outcome> outcomes = new java.util.ArrayList<>(outcomes(folder));
        byCores.forEach((cores, results) -> outcomes.addAll(CellScreen.screen(cores, results, folder.coresFile(cores))));
        // A cell that failed has no number, even where JMH wrote one for the iterations before the failure.
        for (Outcome outcome : outcomes) {
            if (outcome.status() == Outcome.Status.FAILED && byCores.containsKey(outcome.cores())) {
                byCores.put(outcome.cores(), byCores.get(outcome.cores()).stream()
                        .filter(result -> !outcome.cell().matches(result.benchmark(), result.params())).toList());
            }
        }
        return new RunResults(directory, machine, byCores, outcomes);
    }

    /** JMH's results in one core count's file, its one-line errors as the report's. */
    private static List<BenchmarkResult> results(Path file) {
        try {
            return JmhResultFile.read(file);
        } catch (RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }

    /**
     * A run made in rounds: each result's forks get the round they came from, read from JMH's own
     * files under {@code rounds/} (the sweep pooled them into {@code cores-N.json} in round order).
     * A run from before rounds, or a result its rounds do not account for, keeps none.
     */
    private static List<BenchmarkResult> withRounds(RunFolder folder, int cores, List<BenchmarkResult> results) {
        RoundFiles files = new RoundFiles(folder.dir());
        if (!files.exist()) {
            return results;
        }
        List<RoundPool.Pooled> pooled;
        try {
            pooled = RoundPool.read(files, cores);
        } catch (IOException | RunFolderException e) {
            throw new ReportException(files.dir() + ": cannot read the rounds (" + e.getMessage() + ")");
        }
        return results.stream().map(result -> pooled.stream().map(RoundPool.Pooled::result)
                .filter(p -> p.sameCell(result) && p.rounds().size() == result.primary().rawData().size())
                .findFirst().map(p -> result.withRounds(p.rounds())).orElse(result)).toList();
    }

    private static java.util.SortedSet<Integer> coreCounts(RunFolder folder) {
        try {
            return folder.finishedCoreCounts();
        } catch (RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ReportException(folder.dir() + ": cannot list the folder (" + e.getMessage() + ")");
        }
    }

    private static List<Outcome> outcomes(RunFolder folder) {
        if (Files.exists(folder.outcomesFile())) {
            InputLimits.checkSize(folder.outcomesFile());
        }
        try {
            return folder.readOutcomes();
        } catch (IOException e) {
            throw new ReportException(folder.outcomesFile() + ": damaged (" + e.getMessage().lines().findFirst().orElse("")
                    + "); expected a list of cells with cores, benchmark, params, status and reason");
        }
    }
}
