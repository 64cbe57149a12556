package org.concurrencybench.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one JMH invocation for one core count: under {@code taskset -c CPUS} where pinning is
 * available (JMH's forked JVMs inherit the affinity) and with {@code -XX:ActiveProcessorCount=N}
 * for the host and every fork, so the JVM's own sizing (GC threads, common pool, virtual-thread
 * scheduler) sees the same N cores.
 *
 * <p>JMH's whole output goes to a log file; the console gets one line per benchmark result and
 * per failure. The running JMH process is remembered so that an interrupted sweep can stop it and
 * every process it started.
 */
final class JmhLauncher {

    /** What one JMH invocation left: its exit code and the benchmarks that failed, with why. */
    record Outcome(int exitCode, List<Failure> failures) {
    }

    /** One benchmark that threw: its parameters and the first line of the exception. */
    record Failure(Map<String, String> params, String reason) {
    }

    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)$");
    private static final Pattern RESULT_SCORE = Pattern.compile("^\\s+([-0-9.,NaN∞]+) ±\\(.*?\\) ([-0-9.,NaN∞]+) (\\S+)");
    private static final List<String> SHOWN_PARAMS = List.of("model", "workload", "tasks", "cpuThreads",
            "switchIntervalMicros", "spread", "chunksize");
    /** Values not worth a word on the console: even batches, one task per message. */
    private static final Map<String, String> UNSHOWN_DEFAULTS = Map.of("spread", "NONE", "chunksize", "1");

    private final String javaBinary;
    private final Path benchmarksJar;
    private final boolean pin;
    private final PrintStream console;
    private Process running;   // guarded by this
    private String firstError; // the first "ERROR:" line of the current run, for the console
    private boolean stopped;   // guarded by this: once stopped, nothing more is started

    JmhLauncher(String javaBinary, Path benchmarksJar, boolean pin, PrintStream console) {
        this.javaBinary = javaBinary;
        this.benchmarksJar = benchmarksJar;
        this.pin = pin;
        this.console = console;
    }

    /** The full command line for one invocation. */
    List<String> command(int cores, String cpus, List<String> jmhArgs, Path resultFile) {
        List<String> command = new ArrayList<>();
        if (pin) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        String activeCores = "-XX:ActiveProcessorCount=" + cores;
        command.addAll(List.of(javaBinary, activeCores, "-jar", benchmarksJar.toString()));
        command.addAll(jmhArgs);
        command.addAll(List.of("-rf", "json", "-rff", resultFile.toString(), "-jvmArgsAppend", activeCores));
        return command;
    }

    Outcome run(int cores, String cpus, List<String> jmhArgs, Path resultFile, Path logFile)
            throws IOException, InterruptedException {
        List<String> command = command(cores, cpus, jmhArgs, resultFile);
        Process process;
        synchronized (this) {
            if (stopped) {
                return new Outcome(-1, List.of());
            }
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            running = process;
        }
        process.getOutputStream().close();
        List<Failure> failures = new ArrayList<>();
        try (Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
             BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                     StandardCharsets.UTF_8))) {
            log.write("$ " + String.join(" ", command) + "\n");
            Map<String, String> params = Map.of();
            boolean resultNext = false;
            boolean failureNext = false;
            String line;
            firstError = null;
            while ((line = out.readLine()) != null) {
                log.write(line);
                log.write('\n');
                Matcher parameters = PARAMETERS.matcher(line);
                if (parameters.matches()) {
                    params = parseParams(parameters.group(1));
                } else if (line.startsWith("Result \"")) {
                    resultNext = true;
                } else if (resultNext) {
                    resultNext = false;
                    Matcher score = RESULT_SCORE.matcher(line);
                    if (score.find()) {
                        console.printf("    %-40s %s ± %s %s%n", shown(params), score.group(1), score.group(2),
                                score.group(3));
                    }
                } else if (line.startsWith("ERROR:") && firstError == null) {
                    firstError = line; // JMH's own refusal, e.g. another JMH holds /tmp/jmh.lock
                } else if (line.startsWith("<failure>")) {
                    failureNext = true;
                } else if (failureNext && !line.isBlank()) {
                    failureNext = false;
                    failures.add(new Failure(params, line.trim()));
                    console.printf("    %-40s FAILED: %s%n", shown(params), line.trim());
                }
            }
        } finally {
            int exit = process.waitFor();
            synchronized (this) {
                running = null;
            }
            boolean stopping;
            synchronized (this) {
                stopping = stopped;
            }
            if (exit != 0 && failures.isEmpty() && !stopping) {
                console.println("    JMH exited with code " + exit + (firstError == null ? "" : ": " + firstError)
                        + "; see " + logFile);
            }
        }
        return new Outcome(process.exitValue(), failures);
    }

    /** Stops the running JMH process and everything it started (its forks, their workers); starts no more. */
    void stopRunning() {
        Process process;
        synchronized (this) {
            stopped = true;
            process = running;
        }
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static String shown(Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        boolean lockShown = params.containsKey("cpuThreads") || "GLOBAL_LOCK".equals(params.get("model"));
        for (String key : SHOWN_PARAMS) {
            String value = params.get(key);
            if (value != null && (lockShown || !key.equals("switchIntervalMicros"))
                    && !value.equals(UNSHOWN_DEFAULTS.get(key))) {
                text.append(text.isEmpty() ? "" : " ").append(key.equals("model") || key.equals("workload")
                        ? value : key + "=" + value);
            }
        }
        return text.toString();
    }
}
