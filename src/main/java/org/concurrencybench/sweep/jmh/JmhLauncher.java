package org.concurrencybench.sweep.jmh;

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
import java.util.List;
import java.util.function.Function;
import org.concurrencybench.results.Cell;
import java.util.Map;
import org.concurrencybench.process.SuiteCache;
import org.concurrencybench.sweep.plan.SweepPlan;

/**
 * Runs one JMH invocation for one core count: under {@code taskset -c CPUS} where pinning is
 * available (JMH's forked JVMs inherit the affinity) and with {@code -XX:ActiveProcessorCount=N}
 * for the host and every fork, so the JVM's own sizing (GC threads, common pool, virtual-thread
 * scheduler) sees the same N cores.
 *
 * <p>Nothing it starts may outlive the sweep: where {@code setpriv} exists (util-linux, like
 * {@code taskset}) the JMH host and each of its forks run with a parent-death signal, so a sweep
 * killed with {@code kill -9} takes JMH and its forks with it, and the forks' pool workers halt
 * when their parent goes. On an orderly stop (Ctrl-C) {@link #stopRunning} ends them all.
 *
 * <p>A first look's forks start from a dynamic class-data-sharing archive of the benchmarks jar
 * ({@link #forkArchive}: {@code -XX:+AutoCreateSharedArchive}, written by the first fork that exits,
 * checked by the JVM against the jar and rewritten when it changes), which shortens each fork's
 * start (compare a null cell, {@code -f 6 -wi 0 -i 1 -r 1ms}, with and without
 * {@code -jvmArgsAppend "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=F"} under
 * {@code taskset -c 0}). It changes how classes are loaded, not the code that runs, and
 * nothing measured starts from it (workers and JVM-start benchmarks launch JVMs of their own); a
 * real run's forks start as plain JVMs.
 *
 * <p>JMH's whole output goes to a log file; the console gets one line per benchmark result and
 * per failure, each with the benchmark's name and parameters.
 */
public final class JmhLauncher {

    /**
     * What one JMH invocation left: its exit code, the benchmarks that failed, and what went wrong
     * for a cell left without a result, from that cell's own lines ({@link JmhConsole#problem}; null: nothing said).
     */
    public record Result(int exitCode, List<JmhConsole.Failure> failures, Function<Cell, String> problem) {
    }

    private static final List<String> SHOWN_PARAMS = List.of("model", "workload", "task", "tasks", "cpuThreads",
            "switchIntervalMicros", "start", "spread", "chunksize");
    /** Values not worth a word on the console: even batches, one task per message. */
    private static final Map<String, String> UNSHOWN_DEFAULTS = Map.of("spread", "NONE", "chunksize", "1", "task", "");

    private final String javaBinary;
    private final Path benchmarksJar;
    private final boolean pin;
    private final PrintStream console;
    private final Path forkLauncher; // a script that starts a fork under a parent-death signal, or null
    private final Path forkArchive;  // the forks' CDS archive, or null for plain forks
    private final ChildProcess child = new ChildProcess();

    /**
     * @param forkLauncherDir where to write the script that starts JMH's forks with a parent-death
     *                        signal; null for none
     * @param archivedForks   whether the forks start from the CDS archive (a first look)
     */
    public JmhLauncher(String javaBinary, Path benchmarksJar, boolean pin, PrintStream console, Path forkLauncherDir,
                boolean archivedForks) {
        this.javaBinary = javaBinary;
        this.forkArchive = archivedForks ? forkArchive(javaBinary, benchmarksJar) : null;
        this.benchmarksJar = benchmarksJar;
        this.pin = pin;
        this.console = console;
        this.forkLauncher = forkLauncherDir != null && ParentDeath.available()
                ? ParentDeath.writeLauncher(forkLauncherDir, javaBinary) : null;
    }

    /** The full command line that runs {@code step} at {@code cores}, its results into {@code resultFile}. */
    public List<String> command(int cores, String cpus, SweepPlan.Step step, Path resultFile) {
        return command(cores, cpus, JmhArguments.of(step), resultFile);
    }

    /** The full command line for one invocation with JMH's own arguments {@code jmhArgs}. */
    List<String> command(int cores, String cpus, List<String> jmhArgs, Path resultFile) {
        List<String> command = new ArrayList<>(ParentDeath.available() ? ParentDeath.PREFIX : List.of());
        if (pin) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        String activeCores = "-XX:ActiveProcessorCount=" + cores;
        command.addAll(List.of(javaBinary, activeCores, "-jar", benchmarksJar.toString()));
        command.addAll(jmhArgs);
        // JMH splits -jvmArgsAppend at spaces; an archive path with one in it is not used.
        String forkArgs = forkArchive == null || forkArchive.toString().contains(" ") ? activeCores
                : activeCores + " -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + forkArchive;
        command.addAll(List.of("-rf", "json", "-rff", resultFile.toString(), "-jvmArgsAppend", forkArgs));
        if (forkLauncher != null) {
            command.addAll(List.of("-jvm", forkLauncher.toString()));
        }
        return command;
    }

    /**
     * The forks' archive for this java and jar, in the suite's cache folder ({@link SuiteCache}:
     * bounded, the least recently used removed), named by the java and the jar's bytes, so an
     * unchanged build reuses it (the JVM rewrites it when the jar or the JDK is not the one it was
     * made from).
     */
    public static Path forkArchive(String javaBinary, Path benchmarksJar) {
        String jar = Files.isRegularFile(benchmarksJar) ? SuiteCache.contentHash(benchmarksJar)
                : benchmarksJar.toAbsolutePath().toString();
        Path archive = SuiteCache.folder().resolve("jmh-fork-"
                + Integer.toUnsignedString((javaBinary + "\n" + jar).hashCode(), 16) + ".jsa");
        if (Files.exists(archive)) {
            SuiteCache.touch(archive);
        }
        return archive;
    }

    /** Runs {@code step} at {@code cores} on {@code cpus}: its results into {@code resultFile}, JMH's output into {@code logFile}. */
    public Result run(int cores, String cpus, SweepPlan.Step step, Path resultFile, Path logFile)
            throws IOException, InterruptedException {
        List<String> command = command(cores, cpus, step, resultFile);
        Process process = child.start(new ProcessBuilder(command).redirectErrorStream(true));
        if (process == null) {
            return new Result(-1, List.of(), cell -> null);
        }
        process.getOutputStream().close();
        JmhConsole output = new JmhConsole();
        try (Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
             BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                     StandardCharsets.UTF_8))) {
            log.write("$ " + String.join(" ", command) + "\n");
            String line;
            while ((line = out.readLine()) != null) {
                log.write(line);
                log.write('\n');
                Object event = output.accept(line);
                if (event instanceof JmhConsole.Score score) {
                    console.printf("    %-44s %s%s %s%n", shown(score.benchmark(), score.params()), score.score(),
                            score.error() == null ? "" : " ± " + score.error(), score.unit());
                } else if (event instanceof JmhConsole.Failure failure) {
                    console.printf("    %-44s FAILED: %s%n", shown(failure.benchmark(), failure.params()),
                            failure.reason());
                }
            }
        } catch (IOException e) {
            if (!child.stopped()) {
                // The log cannot be written (a full disk, say): nothing reads JMH's output any more, so stop it.
                ChildProcess.kill(process);
                throw new java.nio.file.FileSystemException(logFile.toString(), null, e.getMessage());
            }
            // stopped meanwhile: JMH's output closed under the reader ("Stream closed"); nothing to report
        } finally {
            process.waitFor();
            child.ended();
        }
        return new Result(process.exitValue(), output.failures(), output::problem);
    }

    /** Stops the running JMH process and everything it started (its forks, their workers); starts no more. */
    public void stopRunning() {
        child.stop();
    }

    /** A console name for a benchmark: the model and workload, or the class and its parameters. */
    static String shown(String benchmark, Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        String simple = benchmark.substring(benchmark.lastIndexOf('.', Math.max(0, benchmark.lastIndexOf('.') - 1)) + 1);
        if (!simple.startsWith("ModelBenchmark.")) {
            text.append(simple.replace("Benchmark.", ".").replaceFirst("\\.(batch|roundTrip|startOneJvm)$", ""));
        }
        boolean lockShown = params.containsKey("cpuThreads") || "GLOBAL_LOCK".equals(params.get("model"));
        for (String key : SHOWN_PARAMS) {
            String value = params.get(key);
            if (value != null && (lockShown || !key.equals("switchIntervalMicros"))
                    && !value.equals(UNSHOWN_DEFAULTS.get(key))) {
                text.append(text.isEmpty() ? "" : " ").append(key.equals("model") || key.equals("workload")
                        ? value : key.equals("task") ? value.substring(value.lastIndexOf('.') + 1) : key + "=" + value);
            }
        }
        return text.toString();
    }
}
