package org.concurrencybench.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concurrencybench.report.MachineInfo;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a resolved sweep: writes {@code machine.json}, then for each core count runs the plan's JMH
 * invocations pinned to that many CPUs and gathers their results into {@code cores-N.json}, with a
 * progress line and an estimate of what is left. A core count's file appears only once all its
 * invocations have finished, so an interrupted sweep (Ctrl-C) keeps exactly the counts that
 * completed; the JMH child and its forks are stopped, and the console says how to finish the run.
 */
final class Sweep {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SweepSettings settings;
    private final PrintStream console;
    private final JmhLauncher launcher;
    private final List<Integer> finishedCores = new ArrayList<>();
    private final CountDownLatch loopExited = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile boolean done;

    Sweep(SweepSettings settings, PrintStream console) {
        // The java that runs this sweep runs the benchmarks too: the JDK recorded is the JDK measured.
        this(settings, console, org.concurrencybench.process.WorkerLauncher.javaBinary());
    }

    /** A sweep whose JMH runs are started with {@code javaBinary} (the tests pass a stand-in). */
    Sweep(SweepSettings settings, PrintStream console, String javaBinary) {
        this.settings = settings;
        this.console = console;
        this.launcher = new JmhLauncher(javaBinary, benchmarksJar(), settings.pinned(), console);
    }

    /** Runs the sweep (or only prints it, for a dry run); true if every core count has its results. */
    boolean run(boolean dryRun) throws IOException, InterruptedException {
        if (settings.cores().isEmpty()) {
            console.println("Nothing left to measure: every core count of " + settings.runDir() + " has its results.");
            return true;
        }
        List<SweepPlan.Step> everyCount = BenchmarkParams.apply(SweepPlan.stepsFor(settings.profile(),
                settings.models(), settings.workloads(), settings.convoy()), settings.params());
        // Run once, at the run's largest core count (also when resuming, whatever is left).
        int maxCores = settings.resuming() ? settings.resumed().coreCounts().stream().max(Integer::compare).orElseThrow()
                : settings.cores().get(settings.cores().size() - 1);
        List<CapacityPlan.ModelPlan> capacity = settings.taskCounts().isEmpty() ? List.of()
                : CapacityPlan.plan(settings.models(), settings.workloads(), settings.taskCounts(), maxCores,
                        settings.maxBatch(), CapacityPlan.connectionLimit());
        List<SweepPlan.Step> once = new ArrayList<>(SweepPlan.onceSteps(settings.profile(), settings.models()));
        once.addAll(SweepPlan.capacitySteps(settings.profile(), capacity, settings.maxBatch()));
        once = new ArrayList<>(BenchmarkParams.apply(once, settings.params()));
        if (!settings.cores().contains(maxCores)) {
            once.clear();
        }
        long estimateTotal = millis(everyCount) * settings.cores().size() + millis(once);
        console.printf("Sweep %s: profile %s, cores %s, %d benchmarks per core count, about %s in all%n",
                settings.runId(), settings.profile().name(), settings.cores(),
                everyCount.stream().mapToInt(SweepPlan.Step::benchmarks).sum(), format(Duration.ofMillis(estimateTotal)));
        List<CapacityPlan.Outcome> outcomes = new ArrayList<>();
        if (!once.isEmpty()) {
            capacity.forEach(plan -> outcomes.addAll(plan.skipped()));
        }
        if (!capacity.isEmpty()) {
            console.printf("Capacity at %d cores: %d sizes to run, %d skipped as too long or beyond the machine's limits%n",
                    maxCores, capacity.stream().mapToInt(p -> p.run().size()).sum(), outcomes.size());
        }
        console.printf("Pinning: %s%n", settings.pinning());
        if (dryRun) {
            for (int cores : settings.cores()) {
                for (SweepPlan.Step step : stepsAt(cores, maxCores, everyCount, once)) {
                    console.println(String.join(" ", launcher.command(cores, settings.topology().cpusFor(cores),
                            step.jmhArgs(), partFile(cores, step))));
                }
            }
            return true;
        }
        if (settings.runDirExists() && !settings.resuming()) {
            throw new IOException(settings.runDir() + " exists already; choose another --label or --results");
        }
        Files.createDirectories(settings.runDir().resolve("logs"));
        MachineInfo machine = settings.resuming() ? settings.resumed() : describeMachine();
        writeMachine(machine);
        Thread onInterrupt = new Thread(this::interrupted, "sweep-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);

        Instant start = Instant.now();
        long estimatedDone = 0;
        boolean complete = true;
        int index = 0;
        try {
            for (int cores : settings.cores()) {
                index++;
                Duration elapsed = Duration.between(start, Instant.now());
                console.printf("[%d/%d] cores=%d cpus=%s  elapsed %s, about %s left%n", index, settings.cores().size(),
                        cores, settings.pinned() ? settings.topology().cpusFor(cores) : "(not pinned)", format(elapsed),
                        format(remaining(elapsed, estimatedDone, estimateTotal)));
                List<SweepPlan.Step> steps = stepsAt(cores, maxCores, everyCount, once);
                Boolean counted = runCoreCount(cores, steps, outcomes);
                if (counted == null) {
                    return false; // interrupted: the shutdown hook says what was kept
                }
                complete &= counted;
                estimatedDone += millis(steps);
            }
            writeOutcomes(outcomes);
            writeMachine(machine.finishedAt(Instant.now().toString()));
        } finally {
            loopExited.countDown();
        }
        done = true;
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
        console.printf("Results: %s (%s)%n", settings.runDir(), format(Duration.between(start, Instant.now())));
        return writeReport() && complete;
    }

    /**
     * Runs one core count's steps and writes {@code cores-N.json} once all of them have results
     * (a capacity size that fails is an outcome, not a missing result). A core count with a step
     * that gave nothing is kept as {@code cores-N.json.partial}, so {@code --resume} runs it again.
     *
     * @return whether the core count is complete; null if the sweep was interrupted meanwhile
     */
    private Boolean runCoreCount(int cores, List<SweepPlan.Step> steps, List<CapacityPlan.Outcome> outcomes)
            throws IOException, InterruptedException {
        String cpus = settings.topology().cpusFor(cores);
        ArrayNode results = JSON.createArrayNode();
        boolean complete = true;
        for (SweepPlan.Step step : steps) {
            if (step.capacity() != null) {
                console.printf("  capacity: %s %s tasks=%s%n", step.capacity().model(), step.capacity().workload(),
                        step.capacity().run());
            }
            Path part = partFile(cores, step);
            Path log = settings.runDir().resolve("logs").resolve("cores-" + cores + ".log");
            JmhLauncher.Outcome outcome = launcher.run(cores, cpus, step.jmhArgs(), part, log);
            if (stopping) {
                return null;
            }
            if (step.capacity() != null) {
                outcome.failures().forEach(f -> outcomes.add(CapacityPlan.failed(cores, f.params(), f.reason())));
            }
            if (Files.isRegularFile(part) && Files.size(part) > 0) {
                JSON.readTree(part.toFile()).forEach(results::add);
                Files.delete(part);
            } else if (step.capacity() == null) {
                console.printf("    no results from the %s benchmarks at %d cores (exit %d); see %s%n",
                        step.name(), cores, outcome.exitCode(), log);
                complete = false;
            }
        }
        Path temporary = settings.runDir().resolve("cores-" + cores + ".json.partial");
        if (!results.isEmpty()) {
            JSON.writeValue(temporary.toFile(), results);
        }
        if (complete && !results.isEmpty()) {
            Files.move(temporary, settings.runDir().resolve("cores-" + cores + ".json"), StandardCopyOption.ATOMIC_MOVE);
            finishedCores.add(cores);
        } else {
            console.printf("    cores=%d is incomplete; kept what it has as %s (--resume runs it again)%n", cores,
                    temporary.getFileName());
        }
        return complete;
    }

    /** Where one step's JMH writes its results, before they are gathered into {@code cores-N.json}. */
    private Path partFile(int cores, SweepPlan.Step step) {
        return settings.runDir().resolve("logs").resolve("cores-" + cores + "-" + step.name() + ".json");
    }

    /** Writes {@code outcomes.json}, adding to the one an interrupted run already wrote. */
    private void writeOutcomes(List<CapacityPlan.Outcome> outcomes) throws IOException {
        Path file = settings.runDir().resolve("outcomes.json");
        ArrayNode all = Files.exists(file) ? (ArrayNode) JSON.readTree(file.toFile()) : JSON.createArrayNode();
        outcomes.forEach(o -> all.add(JSON.valueToTree(o)));
        if (!all.isEmpty()) {
            JSON.writeValue(file.toFile(), all);
        }
    }

    private static long millis(List<SweepPlan.Step> steps) {
        return steps.stream().mapToLong(SweepPlan.Step::estimatedMillis).sum();
    }

    /**
     * The report of this run into {@code CHARTS/<run-id>/}; false if it could not be written. A
     * Java runtime without {@code java.desktop} (a jlink'd one on a server) cannot draw charts:
     * the results are complete, and the report is made where a full JDK is.
     */
    private boolean writeReport() {
        Path out = settings.chartsDir().resolve(settings.runId());
        if (ModuleLayer.boot().findModule("java.desktop").isEmpty()) {
            console.println("Report: not written here, this Java runtime has no java.desktop to draw charts;"
                    + " copy " + settings.runDir() + " to a machine with a full JDK and run ./run-benchmarks.sh report there");
            return true;
        }
        console.println("Report: " + out);
        int exit = new picocli.CommandLine(new org.concurrencybench.report.ReportCommand())
                .execute(settings.runDir().toString(), "--out", out.toString());
        return exit == 0;
    }

    /** The steps at one core count: those that run once (JVM start-up, capacity) come at the largest. */
    private static List<SweepPlan.Step> stepsAt(int cores, int maxCores, List<SweepPlan.Step> everyCount,
                                               List<SweepPlan.Step> once) {
        if (cores != maxCores || once.isEmpty()) {
            return everyCount;
        }
        List<SweepPlan.Step> all = new ArrayList<>(everyCount);
        all.addAll(once);
        return all;
    }

    /**
     * The shutdown hook (Ctrl-C, SIGTERM): stop JMH and its forks, let the sweep's loop leave
     * without starting anything more or writing a partial core count, then say what was kept.
     */
    private void interrupted() {
        if (done) {
            return;
        }
        stopping = true;
        launcher.stopRunning();
        try {
            loopExited.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Integer> left = new ArrayList<>(settings.cores());
        left.removeAll(finishedCores);
        console.printf("%nInterrupted. Kept %s in %s.%n", finishedCores.isEmpty() ? "no core count"
                : "core counts " + finishedCores, settings.runDir());
        if (!left.isEmpty()) {
            console.printf("Left to measure: cores %s. Finish with: ./run-benchmarks.sh --resume %s%n", left,
                    settings.runDir());
        }
        console.flush();
    }

    private static Duration remaining(Duration elapsed, long estimatedDone, long estimatedTotal) {
        if (estimatedDone == 0) {
            return Duration.ofMillis(estimatedTotal);
        }
        double pace = (double) elapsed.toMillis() / estimatedDone;
        return Duration.ofMillis((long) ((estimatedTotal - estimatedDone) * pace));
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private MachineInfo describeMachine() {
        Map<String, String> cpusByCores = new LinkedHashMap<>();
        for (int cores : settings.cores()) {
            cpusByCores.put(String.valueOf(cores), settings.topology().cpusFor(cores));
        }
        return new MachineInfo(MachineInfo.SCHEMA, settings.runId(), settings.label(),
                MachineProbe.host(), settings.startedAt().toString(), null, settings.profile().name(),
                MachineProbe.suiteCommit(suiteDir()), MachineProbe.cpuModel(), settings.topology().physicalCores(),
                settings.topology().logicalCpus(), MachineProbe.memoryBytes(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.vendor"),
                System.getProperty("java.runtime.version"), settings.pinned(), settings.pinning(), settings.cores(),
                cpusByCores, settings.models().stream().map(Enum::name).toList(),
                workloadNames(), settings.taskCounts(), settings.params());
    }

    private List<String> workloadNames() {
        List<String> names = new ArrayList<>(settings.workloads().stream().map(Enum::name).toList());
        if (settings.convoy()) {
            names.add(SweepPlan.CONVOY);
        }
        return names;
    }

    private void writeMachine(MachineInfo machine) throws IOException {
        JSON.writeValue(settings.runDir().resolve("machine.json").toFile(), machine);
    }

    /** The jar this class was loaded from: target/benchmarks.jar. */
    static Path benchmarksJar() {
        try {
            return Path.of(Sweep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }

    private static Path suiteDir() {
        Path jar = benchmarksJar().toAbsolutePath();
        Path target = jar.getParent();
        return target != null && target.getParent() != null ? target.getParent() : Path.of(".");
    }
}
