package org.concurrencybench.sweep.jmh;

import java.util.ArrayList;
import org.concurrencybench.results.Cell;
import org.concurrencybench.bench.BenchmarkDefaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JMH's console output line by line and picks out what the sweep needs: which benchmark
 * and parameters are running, each result's score, and each failure with the first line of its
 * exception. JMH writes a failed iteration as {@code Iteration   3: <failure>} (or
 * {@code # Warmup Iteration   1: <failure>}), then a blank line, then the exception; a
 * benchmark with a failed iteration may still get a result line for the iterations before, so a
 * failure, wherever it comes, fails its benchmark. A fork that stops itself prints a line that
 * starts with {@link BenchmarkDefaults#FAILURE_MARKER}: the rest is its benchmark's reason.
 */
final class JmhConsole {

    /** One benchmark that threw: its full name, its parameters and the first line of the exception. */
    record Failure(String benchmark, Map<String, String> params, String reason) {
    }

    /** One benchmark's result line: its score, the score's error and the unit, as JMH printed them. */
    record Score(String benchmark, Map<String, String> params, String score, String error, String unit) {
    }

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)$");
    /** "  305.350 ±(99.9%) 4.715 ms/op [Average]", or without the error where there are too few samples. */
    private static final Pattern FORK_EXIT = Pattern.compile("[Ff]orked VM failed with exit code (\\d+)");
    private static final Pattern ERROR_LINE = Pattern.compile("(Error|Exception)(:|$)|^ERROR|Killed");
    private static final Pattern RESULT_SCORE = Pattern.compile("^\\s+([-0-9.,NaN∞]+)(?: ±\\(.*?\\) ([-0-9.,NaN∞]+))? (\\S+)");

    private final List<Failure> failures = new ArrayList<>();
    private final List<Score> scores = new ArrayList<>();
    private String benchmark = "";
    private Map<String, String> params = Map.of();
    private boolean resultNext;
    private boolean failureNext;
    private String firstError;
    /** What the output said of dying forks, under each benchmark header (the key ["", {}] before any header). */
    private final Map<List<Object>, ForkTrouble> troubles = new LinkedHashMap<>();

    /**
     * A fork's death as one benchmark's lines tell it, so each cell is blamed with its own lines.
     *
     * @param forkExit  the last "forked VM failed with exit code N", or null
     * @param lastError the last line that names an error or exception, or null
     */
    private record ForkTrouble(String benchmark, Map<String, String> params, String forkExit, String lastError) {
        String said() {
            return forkExit != null ? "a fork exited with " + forkExit + (lastError == null ? "" : ": " + lastError)
                    : lastError == null ? null : "last error: " + lastError;
        }
    }

    /**
     * Takes one line of output.
     *
     * @return what the line completed (a {@link Score} or a {@link Failure}), else null
     */
    Object accept(String line) {
        Matcher match = BENCHMARK.matcher(line);
        if (match.find()) {
            benchmark = match.group(1);
            params = Map.of();
            return null;
        }
        match = PARAMETERS.matcher(line);
        if (match.matches()) {
            params = parseParams(match.group(1));
            return null;
        }
        Failure failure = failureOn(line);
        if (failure != null || failureNext || line.contains("<failure>")
                || line.contains(BenchmarkDefaults.FAILURE_MARKER)) {
            return failure; // a failure's lines are nothing else
        }
        if (line.startsWith("Result \"")) {
            resultNext = true;
            return null;
        }
        if (resultNext) {
            resultNext = false;
            match = RESULT_SCORE.matcher(line);
            if (match.find()) {
                Score score = new Score(benchmark, params, match.group(1), match.group(2), match.group(3));
                scores.add(score);
                return score;
            }
            return null;
        }
        if (line.startsWith("ERROR:") && firstError == null) {
            firstError = line; // JMH's own refusal, e.g. a bad option
        }
        match = FORK_EXIT.matcher(line);
        ForkTrouble trouble = troubles.getOrDefault(List.of(benchmark, params),
                new ForkTrouble(benchmark, params, null, null));
        if (match.find()) {
            troubles.put(List.of(benchmark, params), new ForkTrouble(benchmark, params, match.group(1),
                    trouble.lastError()));
        } else if (ERROR_LINE.matcher(line).find()) {
            String error = line.trim();
            troubles.put(List.of(benchmark, params), new ForkTrouble(benchmark, params, trouble.forkExit(),
                    error.length() > 200 ? error.substring(0, 200) + "..." : error));
        }
        return null;
    }

    /**
     * The failure a line completes: a fork's own stop line (a user's batch past its timeout), or the
     * exception line after JMH's {@code <failure>}; null otherwise, also while waiting for that line.
     */
    private Failure failureOn(String line) {
        int marker = line.indexOf(BenchmarkDefaults.FAILURE_MARKER);
        if (marker >= 0) {
            // A fork that stopped itself (a user's batch past its timeout) says why on this line.
            Failure failure = new Failure(benchmark, params,
                    line.substring(marker + BenchmarkDefaults.FAILURE_MARKER.length()).trim());
            if (failures.contains(failure)) {
                return null; // the fork said it on both of its streams, and JMH shows both
            }
            failures.add(failure);
            return failure;
        }
        if (line.contains("<failure>")) {
            failureNext = true;
            return null;
        }
        if (failureNext) {
            if (line.isBlank()) {
                return null;
            }
            failureNext = false;
            Failure failure = new Failure(benchmark, params, line.trim());
            failures.add(failure);
            return failure;
        }
        return null;
    }

    /**
     * What went wrong where JMH left no result for {@code cell}, in a few words: JMH's first
     * {@code ERROR:} line, and a fork's exit code (137: killed, e.g. out of memory) with the last
     * error line (a fork's last lines are echoed by JMH), read from the lines under the cell's own
     * benchmark header, else from those before any header; null when nothing says.
     */
    String problem(Cell cell) {
        ForkTrouble own = troubles.values().stream()
                .filter(t -> !t.benchmark().isEmpty() && cell.matches(t.benchmark(), t.params()))
                .filter(t -> t.said() != null).findFirst()
                .orElse(troubles.get(List.of("", Map.of())));
        String said = own == null ? null : own.said();
        if (firstError != null) {
            return said == null || own.forkExit() == null ? firstError : firstError + ", " + said;
        }
        return said;
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    List<Score> scores() {
        return List.copyOf(scores);
    }

    /** JMH's first {@code ERROR:} line, or null. */
    String firstError() {
        return firstError;
    }

    static Map<String, String> parseParams(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return params;
    }
}
