package org.concurrencybench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a sweep in rounds keeps JMH's files, as JMH wrote them: one per round, core count and
 * step. A round is written into {@code rounds/round-R.partial/} and renamed to
 * {@code rounds/round-R/} once every one of its invocations has run, so a killed sweep leaves only
 * whole rounds behind and {@code --resume} starts again at the next one (a partial round's folder
 * is measured again from its start).
 *
 * <pre>
 * rounds/round-R/cores-N-STEP.json   JMH's -rf json of step STEP at N cores in round R (one fork)
 * rounds/round-R/cpython-cores-N.json  CPython's companion at N cores in round R (one trial per benchmark)
 * rounds/round-R/cpython-V-cores-N.json  the same, of interpreter V in a run of several ({@link CpythonLabels})
 * rounds/round-R.partial/            the round being measured
 * </pre>
 * A run folder without {@code rounds/} is from before rounds: one file per core count.
 */
public record RoundFiles(Path runDir) {

    public static final String ROUNDS = "rounds";
    private static final Pattern ROUND = Pattern.compile("round-(\\d+)");
    private static final Pattern STEP_FILE = Pattern.compile("cores-(\\d+)-(.+)\\.json");
    private static final String PARTIAL = ".partial";

    public Path dir() {
        return runDir.resolve(ROUNDS);
    }

    /** A finished round's folder. */
    public Path round(int round) {
        return dir().resolve("round-" + round);
    }

    /** The folder of a round being measured. */
    public Path partialRound(int round) {
        return dir().resolve("round-" + round + PARTIAL);
    }

    /** Where step {@code step} at {@code cores} writes its JMH file while round {@code round} is measured. */
    public Path partialStepFile(int round, int cores, String step) {
        return partialRound(round).resolve(stepFileName(cores, step));
    }

    /** Where CPython's companion at {@code cores} writes its file while round {@code round} is measured. */
    public Path partialCpythonFile(int round, int cores) {
        return partialCpythonFile(round, null, cores);
    }

    /** The same, of interpreter {@code label} in a run of several (null: a run of one). */
    public Path partialCpythonFile(int round, String label, int cores) {
        return partialRound(round).resolve(RunFolder.cpythonFileName(label, cores));
    }

    /** CPython's file at {@code cores} of a finished round (it may not exist: CPython did not run then). */
    public Path cpythonFile(int round, int cores) {
        return cpythonFile(round, null, cores);
    }

    /** The same, of interpreter {@code label} in a run of several (null: a run of one). */
    public Path cpythonFile(int round, String label, int cores) {
        return round(round).resolve(RunFolder.cpythonFileName(label, cores));
    }

    /** Whether any finished round has a CPython file: CPython took part in this run's rounds. */
    public boolean cpythonInRounds() throws IOException {
        for (int round : finished()) {
            try (Stream<Path> entries = Files.list(round(round))) {
                if (entries.anyMatch(file -> RunFolder.CPYTHON_FILE.matcher(file.getFileName().toString()).matches())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static String stepFileName(int cores, String step) {
        return "cores-" + cores + "-" + step + ".json";
    }

    /** Whether this run was made in rounds. */
    public boolean exist() {
        return Files.isDirectory(dir());
    }

    /** The rounds that finished, ascending. */
    public SortedSet<Integer> finished() throws IOException {
        SortedSet<Integer> rounds = new TreeSet<>();
        if (!exist()) {
            return rounds;
        }
        try (Stream<Path> entries = Files.list(dir())) {
            entries.filter(Files::isDirectory).forEach(entry -> {
                Matcher name = ROUND.matcher(entry.getFileName().toString());
                if (name.matches()) {
                    rounds.add(RunFolder.number(entry, name.group(1), "rounds/round-R"));
                }
            });
        }
        return rounds;
    }

    /** The JMH files of one finished round at one core count, by name. */
    public SortedSet<Path> stepFiles(int round, int cores) throws IOException {
        return stepFiles(round(round), cores);
    }

    /** The JMH files at one core count that the round being measured has so far, by name. */
    public SortedSet<Path> partialStepFiles(int round, int cores) throws IOException {
        return Files.isDirectory(partialRound(round)) ? stepFiles(partialRound(round), cores) : new TreeSet<>();
    }

    private static SortedSet<Path> stepFiles(Path roundDir, int cores) throws IOException {
        SortedSet<Path> files = new TreeSet<>();
        try (Stream<Path> entries = Files.list(roundDir)) {
            entries.forEach(file -> {
                Matcher name = STEP_FILE.matcher(file.getFileName().toString());
                if (name.matches() && name.group(1).equals(Integer.toString(cores))) {
                    files.add(file);
                }
            });
        }
        return files;
    }

    /** Starts round {@code round}: an empty partial folder (what a killed attempt left is dropped). */
    public void start(int round) throws IOException {
        Path partial = partialRound(round);
        if (Files.exists(partial)) {
            try (Stream<Path> old = Files.list(partial)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(partial);
    }

    /** Ends round {@code round}: its folder takes its finished name, whole. */
    public void finish(int round) throws IOException {
        Files.move(partialRound(round), round(round), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
