package org.concurrencybench.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
    private static final String CPYTHON = "cpython-" + CORES;
    private static final String PARTIAL = ".partial";
    private static final String LOGS = "logs";
    private static final Pattern CORES_FILE = Pattern.compile(CORES + "(\\d+)\\.json");
    private static final Pattern CPYTHON_FILE = Pattern.compile(CPYTHON + "(\\d+)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    /** Real CPython's results for one core count, written by the Python companion. */
    public Path cpythonFile(int cores) {
        return dir.resolve(CPYTHON + cores + ".json");
    }

    /** The companion's console output for one core count. */
    public Path cpythonLogFile(int cores) {
        return logsDir().resolve(CPYTHON + cores + ".log");
    }

    public Path logsDir() {
        return dir.resolve(LOGS);
    }

    public Path logFile(int cores) {
        return logsDir().resolve(CORES + cores + ".log");
    }

    /** Where one JMH invocation (a step of the sweep) writes its results. */
    public Path stepFile(int cores, String step) {
        return logsDir().resolve(CORES + cores + "-" + step + ".json");
    }

    /** The core counts that have a finished {@code cores-N.json}, ascending. */
    public SortedSet<Integer> finishedCoreCounts() throws IOException {
        return coreCounts(CORES_FILE);
    }

    /** The core counts that have a {@code cpython-cores-N.json}, ascending. */
    public SortedSet<Integer> cpythonCoreCounts() throws IOException {
        return coreCounts(CPYTHON_FILE);
    }

    private SortedSet<Integer> coreCounts(Pattern names) throws IOException {
        SortedSet<Integer> counts = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return counts;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher name = names.matcher(file.getFileName().toString());
                if (name.matches()) {
                    counts.add(coreCount(file, name.group(1)));
                }
            });
        }
        return counts;
    }

    /** The most cores a file name may carry: far beyond any machine, far below an int's overflow. */
    public static final int MAX_CORES = 1 << 16;

    /**
     * The core count a results file's name carries; a name such as {@code cores-0.json} or one
     * whose number overflows is a file the sweep never writes, refused in one line naming it.
     */
    private static int coreCount(Path file, String digits) {
        return number(file, digits, file.getFileName().toString().startsWith(CPYTHON) ? CPYTHON_FILES : CORES_FILES);
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
