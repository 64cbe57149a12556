package org.concurrencybench.report;

import org.concurrencybench.results.MachineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.RunFolderException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a run folder as the sweep writes it: {@code machine.json}, one {@code cores-N.json} (JMH's
 * own output) per core count, and optionally {@code outcomes.json}. Any unreadable file stops the
 * report with a one-line {@link ReportException}: a report silently missing a core count would
 * draw a wrong scaling curve.
 */
public final class RunReader {

    private static final Pattern CORES_FILE = Pattern.compile("cores-(\\d+)\\.json");

    private RunReader() {
    }

    public static RunResults read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ReportException(directory + ": no such run folder");
        }
        Path machineFile = directory.resolve("machine.json");
        if (!Files.exists(machineFile)) {
            throw new ReportException(machineFile + ": file not found (every run folder written by the sweep has one)");
        }
        MachineInfo machine;
        try {
            machine = MachineInfo.read(machineFile);
        } catch (RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        }
        SortedMap<Integer, List<BenchmarkResult>> byCores = new TreeMap<>();
        for (Path file : coresFiles(directory)) {
            Matcher name = CORES_FILE.matcher(file.getFileName().toString());
            if (name.matches()) {
                byCores.put(Integer.parseInt(name.group(1)), JmhResultParser.parse(JsonFiles.read(file), file));
            }
        }
        if (byCores.isEmpty()) {
            throw new ReportException(directory + ": no cores-N.json results in this folder (is it a run folder?)");
        }
        List<Outcome> outcomes = outcomes(new RunFolder(directory));
        // A cell that failed has no number, even where JMH wrote one for the iterations before the failure.
        for (Outcome outcome : outcomes) {
            if (outcome.status() == Outcome.Status.FAILED && byCores.containsKey(outcome.cores())) {
                byCores.put(outcome.cores(), byCores.get(outcome.cores()).stream()
                        .filter(result -> !outcome.cell().matches(result.benchmark(), result.params())).toList());
            }
        }
        return new RunResults(directory, machine, byCores, outcomes);
    }

    private static List<Path> coresFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> CORES_FILE.matcher(file.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new ReportException(directory + ": cannot list the folder (" + e.getMessage() + ")");
        }
    }

    private static List<Outcome> outcomes(RunFolder folder) {
        try {
            return folder.readOutcomes();
        } catch (IOException e) {
            throw new ReportException(folder.outcomesFile() + ": damaged (" + e.getMessage().lines().findFirst().orElse("")
                    + "); expected a list of cells with cores, benchmark, params, status and reason");
        }
    }
}
