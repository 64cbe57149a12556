package org.concurrencybench.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of one run folder, {@code results/<run-id>/}, in one place: the sweep writes it, the
 * report and the checker read it.
 *
 * <pre>
 * machine.json              the machine, the software and the sweep's settings (MachineInfo)
 * cores-N.json              JMH's results for core count N, once every planned cell at N has a state
 * cores-N.json.partial      what an unfinished core count had (--resume measures it again)
 * outcomes.json             every planned cell that has no number: FAILED or SKIPPED, with why
 * cpython-cores-N.json      real CPython's batches and convoy at core count N (docs/cpython.md)
 * cpython-V-cores-N.json    the same, of interpreter V (e.g. 3.11, 3.13t) in a run of several interpreters
 * logs/cores-N.log          JMH's whole console output at N cores
 * logs/cores-N-STEP.json    one JMH invocation's results, before they are gathered into cores-N.json
 * rounds/round-R/           a run in rounds: JMH's own files of round R ({@link RoundFiles}); cores-N.json
 *                           then pools every finished round ({@link RoundPool}), one fork per round
 * </pre>
 */
public record RunFolder(Path dir) {

    public static final String MACHINE = "machine.json";
    public static final String OUTCOMES = "outcomes.json";
    /** How messages and help name the per-core-count results files. */
    public static final String CORES_FILES = "cores-N.json";
    /** How messages and help name real CPython's per-core-count files. */
    public static final String CPYTHON_FILES = "cpython-cores-N.json";
    /** The {@code format} field of a {@code cpython-cores-N.json} (docs/cpython.md). */
    public static final String CPYTHON_FORMAT = "concurrencybench-cpython/1";
    private static final String CORES = "cores-";
    private static final String PARTIAL = ".partial";
    private static final String LOGS = "logs";
    private static final Pattern CORES_FILE = Pattern.compile(CORES + "(\\d+)\\.json");
    /** A CPython file's name: group 1 the interpreter's label (absent for a run of one), group 2 the core count. */
    static final Pattern CPYTHON_FILE = Pattern.compile("cpython-(?:(" + CpythonLabels.LABEL + ")-)?" + CORES
            + "(\\d+)\\.json");
    private static final ObjectMapper JSON = JsonMapping.mapper();

    public Path machineFile() {
        return dir.resolve(MACHINE);
    }

    public Path outcomesFile() {
        return dir.resolve(OUTCOMES);
    }

    /** JMH's results for one core count. */
    public Path coresFile(int cores) {
        return dir.resolve(CORES + cores + ".json");
    }

    /** What an unfinished core count had. */
    public Path unfinishedFile(int cores) {
        return dir.resolve(CORES + cores + ".json" + PARTIAL);
    }

    /** Real CPython's results for one core count, written by the Python companion (a run of one interpreter). */
    public Path cpythonFile(int cores) {
        return cpythonFile(null, cores);
    }

    /**
     * Real CPython's results for one core count of the interpreter {@code label} ({@link CpythonLabels}):
     * {@code cpython-3.13t-cores-N.json}; null label: {@code cpython-cores-N.json}, a run of one.
     */
    public Path cpythonFile(String label, int cores) {
        return dir.resolve(cpythonFileName(label, cores));
    }

    /** The file name of {@link #cpythonFile(String, int)}. */
    static String cpythonFileName(String label, int cores) {
        return "cpython-" + (label == null ? "" : label + "-") + CORES + cores + ".json";
    }

    /** The companion's console output for one core count. */
    public Path cpythonLogFile(int cores) {
        return cpythonLogFile(null, cores);
    }

    /** The console output of interpreter {@code label}'s companion at one core count (null: a run of one). */
    public Path cpythonLogFile(String label, int cores) {
        return logsDir().resolve(cpythonFileName(label, cores).replaceFirst("\\.json$", ".log"));
    }

    public Path logsDir() {
        return dir.resolve(LOGS);
    }

    public Path logFile(int cores) {
        return logsDir().resolve(CORES + cores + ".log");
    }

    /** The core counts that have a finished {@code cores-N.json}, ascending. */
    public SortedSet<Integer> finishedCoreCounts() throws IOException {
        return coreCounts(CORES_FILE);
    }

    /** The core counts that have a {@code cpython-cores-N.json}, ascending. */
    public SortedSet<Integer> cpythonCoreCounts() throws IOException {
        return cpythonCoreCounts(null);
    }

    /** The core counts that interpreter {@code label} has a file for, ascending (null: {@code cpython-cores-N.json}). */
    public SortedSet<Integer> cpythonCoreCounts(String label) throws IOException {
        SortedSet<Integer> counts = new TreeSet<>();
        for (Matcher name : matching(CPYTHON_FILE)) {
            if (java.util.Objects.equals(name.group(1), label)) {
                counts.add(Integer.parseInt(name.group(2))); // checked by matching
            }
        }
        return counts;
    }

    /**
     * The interpreters that have CPython files, in {@link CpythonLabels#ORDER}: one null for a run of
     * one interpreter ({@code cpython-cores-N.json}), else their labels; empty when CPython did not run.
     */
    public List<String> cpythonLabels() throws IOException {
        SortedSet<String> labels = new TreeSet<>(CpythonLabels.ORDER);
        boolean single = false;
        for (Matcher name : matching(CPYTHON_FILE)) {
            if (name.group(1) == null) {
                single = true;
            } else {
                labels.add(name.group(1));
            }
        }
        List<String> all = new ArrayList<>();
        if (single) {
            all.add(null);
        }
        all.addAll(labels);
        return all;
    }

    private SortedSet<Integer> coreCounts(Pattern names) throws IOException {
        SortedSet<Integer> counts = new TreeSet<>();
        for (Matcher name : matching(names)) {
            counts.add(Integer.parseInt(name.group(1))); // checked by matching
        }
        return counts;
    }

    /** The matches of the folder's file names against {@code names}. */
    private List<Matcher> matching(Pattern names) throws IOException {
        List<Matcher> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher name = names.matcher(file.getFileName().toString());
                if (name.matches()) {
                    coreCount(file, name.group(name.groupCount())); // refuses cores-0.json and overflowing numbers
                    found.add(name);
                }
            });
        }
        return found;
    }

    /** The most cores a file name may carry: far beyond any machine, far below an int's overflow. */
    public static final int MAX_CORES = 1 << 16;

    /**
     * The core count a results file's name carries; a name such as {@code cores-0.json} or one
     * whose number overflows is a file the sweep never writes, refused in one line naming it.
     */
    private static int coreCount(Path file, String digits) {
        return number(file, digits, file.getFileName().toString().startsWith("cpython-") ? CPYTHON_FILES : CORES_FILES);
    }

    /**
     * The number in a run folder's file or folder name ({@code expected} names the pattern, as
     * {@code cores-N.json}), from 1 to {@link #MAX_CORES}; anything else is refused in one line.
     */
    static int number(Path file, String digits, String expected) {
        int cores = digits.length() > 6 ? 0 : Integer.parseInt(digits);
        if (cores < 1 || cores > MAX_CORES) {
            throw new RunFolderException(file + ": not a results file of this suite (expected " + expected
                    + ", its number from 1 to " + MAX_CORES + "; move the file out of the run folder)");
        }
        return cores;
    }

    /**
     * Finishes core count {@code cores}: its results ({@code measured}, JMH's entries as JMH wrote
     * them) go to {@code cores-N.json}, written aside and moved into place whole, after its
     * part of {@code outcomes.json} (replacing what an earlier attempt at it left).
     */
    public void writeCoreCount(int cores, List<?> measured, List<Outcome> outcomes) throws IOException {
        Path unfinished = unfinishedFile(cores);
        JSON.writeValue(unfinished.toFile(), measured);
        writeOutcomes(new TreeSet<>(List.of(cores)), outcomes);
        Files.move(unfinished, coresFile(cores), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads {@code outcomes.json}; an empty list where there is none. */
    public List<Outcome> readOutcomes() throws IOException {
        Path file = outcomesFile();
        if (!Files.exists(file)) {
            return List.of();
        }
        return JSON.readValue(file.toFile(), new TypeReference<List<Outcome>>() { });
    }

    /**
     * Writes {@code outcomes.json}: those of the core counts not in {@code replaced} as they were,
     * then {@code outcomes} (a resumed core count replaces what it had). No file while there is
     * nothing to say.
     */
    public void writeOutcomes(SortedSet<Integer> replaced, List<Outcome> outcomes) throws IOException {
        List<Outcome> all = new ArrayList<>();
        for (Outcome kept : readOutcomes()) {
            if (!replaced.contains(kept.cores())) {
                all.add(kept);
            }
        }
        all.addAll(outcomes);
        Path file = outcomesFile();
        if (all.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Path temporary = dir.resolve(OUTCOMES + ".tmp");
        JSON.writeValue(temporary.toFile(), all);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
