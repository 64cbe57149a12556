package org.concurrencybench.sweep.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.bench.BenchmarkDefaults;

/**
 * A JMH command line from a run's log ({@code $ ...} lines) read back into the step that ran it,
 * so tests can hold the estimate and the argument builder against a committed run. Only tests
 * parse arguments: the sweep builds them from its typed steps and never reads them back.
 */
public final class LoggedStep {

    private LoggedStep() {
    }

    /** The JMH arguments of a logged command: what follows {@code -jar JAR} up to the launcher's {@code -rf}. */
    public static List<String> jmhArgs(String loggedLine) {
        List<String> words = Arrays.asList(loggedLine.substring(2).split(" "));
        return new ArrayList<>(words.subList(words.indexOf("-jar") + 2, words.indexOf("-rf")));
    }

    /**
     * The step of {@code args} ({@code args.get(0)} the benchmark pattern {@code ^\Q<class>\E\.}); an
     * option not given takes the suite's annotations ({@link BenchmarkDefaults}), as JMH does.
     */
    public static SweepPlan.Step parse(String name, List<String> args) throws ClassNotFoundException {
        String pattern = args.get(0);
        Class<?> type = Class.forName(pattern.substring("^\\Q".length(), pattern.indexOf("\\E")));
        Map<String, List<String>> params = new LinkedHashMap<>();
        int forks = BenchmarkDefaults.FORKS;
        int wi = BenchmarkDefaults.WARMUP_ITERATIONS;
        long w = BenchmarkDefaults.WARMUP_MILLIS;
        int i = BenchmarkDefaults.ITERATIONS;
        long r = BenchmarkDefaults.ITERATION_MILLIS;
        boolean gc = false;
        Duration timeout = Duration.ZERO;
        List<String> forkArgs = List.of();
        for (int k = 1; k + 1 < args.size(); k += 2) {
            String value = args.get(k + 1);
            switch (args.get(k)) {
                case "-p" -> params.put(value.substring(0, value.indexOf('=')),
                        List.of(value.substring(value.indexOf('=') + 1).split(",")));
                case "-f" -> forks = Integer.parseInt(value);
                case "-wi" -> wi = Integer.parseInt(value);
                case "-w" -> w = millis(value);
                case "-i" -> i = Integer.parseInt(value);
                case "-r" -> r = millis(value);
                case "-prof" -> gc = value.equals("gc");
                case "-to" -> timeout = Duration.ofMillis(millis(value));
                case "-jvmArgsPrepend" -> forkArgs = List.of(value.split(" "));
                default -> throw new IllegalArgumentException("not a planned option: " + args.get(k));
            }
        }
        JmhOptions options = JmhOptions.of(forks, wi, w, i, r).withForkJvmArgs(forkArgs).withTimeout(timeout);
        return new SweepPlan.Step(name, type, params, gc ? options.withGcProfiler() : options);
    }

    /** A JMH time ({@code 600ms}, {@code 2s}) in milliseconds. */
    private static long millis(String time) {
        return time.endsWith("ms") ? Long.parseLong(time.substring(0, time.length() - 2))
                : Long.parseLong(time.substring(0, time.length() - 1)) * 1000;
    }
}
