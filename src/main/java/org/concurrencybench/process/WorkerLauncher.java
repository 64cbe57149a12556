package org.concurrencybench.process;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.user.UserTaskLoader;

/**
 * How a worker JVM is started: the command line, and the class-data-sharing archive that makes a
 * start cheaper (the lean jar it starts from is {@link WorkerJar}'s).
 *
 * <p>The child runs the parent's own {@code java} binary with the parent's class path, so it
 * runs the same code on the same JDK. Flags, and why:
 * <ul>
 *   <li>{@code -XX:+UseSerialGC -Xms16m -Xmx128m}: tasks allocate almost nothing; one GC without
 *       threads of its own starts fastest and keeps the worker small.</li>
 *   <li>{@code -XX:-UsePerfData}: no {@code hsperfdata} file to create at each start.</li>
 *   <li>{@code -XX:TieredStopAtLevel=1}, for one-task workers only: a JVM that runs one task of a
 *       few milliseconds never benefits from C2 but pays for its compiler thread. Long-lived pool
 *       workers keep full tiered compilation, so their CPU work runs as fast as the parent's.</li>
 *   <li>{@code -XX:+ExitOnOutOfMemoryError}: a worker out of memory dies (and is replaced) rather
 *       than running on in an unknown state.</li>
 *   <li>{@code -Xlog:disable -Xlog:all=warning:stderr -XX:+DisplayVMOutputToStderr}: the JVM's own
 *       warnings go to standard error, never into the frames on standard output.</li>
 *   <li>{@code -XX:ActiveProcessorCount=N} when the parent has it, so a worker sizes itself like
 *       its parent in a sweep pinned to N cores (CPU affinity is inherited anyway).</li>
 *   <li>{@code -Dconcurrencybench.task.classPath=...} when the parent has it ({@code --task-jar}):
 *       the worker loads a user's task classes from the same jars as its parent, and a one-task
 *       worker watches its parent too (a user's task may hang, and its fork then ends).</li>
 *   <li>On JDK 19+, {@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=F}: a dynamic CDS
 *       archive of the worker's classes (the suite's and the JDK's it loads beyond the default
 *       archive), created when a JVM with this flag exits and reused by the next ones. F is in
 *       the suite's cache folder ({@link SuiteCache}), named by a hash of the JDK, the class path and the flags, so a
 *       rebuilt jar or another JDK gets its own. {@link #prepareArchive()} creates it once,
 *       outside any measurement, so that measured starts only read it.</li>
 * </ul>
 *
 * @param lifetime      a pool's long-lived worker or a one-task worker (decides the compiler flags)
 * @param sharedArchive whether to use the dynamic CDS archive where the JDK allows
 * @param extraJvmArgs  more JVM flags (tests: enabling {@link DebugTask}s)
 * @param answerTimeout how long a worker may take for any one answer before it is killed
 */
public record WorkerLauncher(Lifetime lifetime, boolean sharedArchive, List<String> extraJvmArgs,
                             Duration answerTimeout) {

    /** Seconds a worker may take for one answer (start-up, one task). Generous: tasks take milliseconds. */
    public static final String TIMEOUT_PROPERTY = "concurrencybench.worker.timeoutSeconds";
    /** Set to {@code false} to start workers without the dynamic CDS archive (to measure its gain). */
    public static final String SHARED_ARCHIVE_PROPERTY = "concurrencybench.worker.sharedArchive";
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofMinutes(5);

    /** The first JDK with {@code -XX:+AutoCreateSharedArchive}. */
    private static final int AUTO_ARCHIVE_JDK = 19;
    /**
     * Archives that {@link #prepareArchive()} could not create: CDS takes only jars, so a class
     * path with a directory (the tests' {@code target/classes}) gets none, and its workers then
     * skip the flags instead of trying again at each exit.
     */
    private static final Set<Path> UNAVAILABLE_ARCHIVES = ConcurrentHashMap.newKeySet();

    /** Which kind of worker: decides the flags that trade peak speed for start-up. */
    public enum Lifetime {
        /** A pool worker: starts once, runs many tasks; full JIT. */
        LONG_LIVED,
        /** Runs one task and exits: start-up is everything. */
        ONE_TASK
    }

    public WorkerLauncher {
        extraJvmArgs = List.copyOf(extraJvmArgs);
        if (answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("worker answer timeout must be positive, got " + answerTimeout);
        }
    }

    /** The launcher the benchmarks use, with the timeout and archive switch from the system properties. */
    public static WorkerLauncher standard(Lifetime lifetime) {
        long timeoutSeconds = Long.getLong(TIMEOUT_PROPERTY, DEFAULT_ANSWER_TIMEOUT.toSeconds());
        boolean archive = Boolean.parseBoolean(System.getProperty(SHARED_ARCHIVE_PROPERTY, "true"));
        return new WorkerLauncher(lifetime, archive, List.of(), Duration.ofSeconds(timeoutSeconds));
    }

    public WorkerLauncher withExtraJvmArgs(String... args) {
        return new WorkerLauncher(lifetime, sharedArchive, List.of(args), answerTimeout);
    }

    public WorkerLauncher withAnswerTimeout(Duration timeout) {
        return new WorkerLauncher(lifetime, sharedArchive, extraJvmArgs, timeout);
    }

    public WorkerLauncher withSharedArchive(boolean archive) {
        return new WorkerLauncher(lifetime, archive, extraJvmArgs, answerTimeout);
    }

    /** The full command line of a worker. */
    public List<String> command() {
        return command(WorkerJar.classPath());
    }

    /** The command line of a worker that loads its classes from {@code classPath}. */
    List<String> command(String classPath) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmFlags());
        archiveFile().ifPresent(file -> {
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + file);
        });
        command.add("-cp");
        command.add(classPath);
        command.add(WorkerMain.class.getName());
        return command;
    }

    /** Starts a worker; it is not ready yet. */
    public WorkerProcess start() throws IOException {
        return WorkerProcess.start(command(), answerTimeout);
    }

    /** Starts a worker and waits until it has said READY. */
    public WorkerProcess startReady() throws IOException, WorkerFailedException, InterruptedException {
        WorkerProcess worker = start();
        try {
            worker.awaitReady();
            return worker;
        } catch (WorkerFailedException | InterruptedException | RuntimeException e) {
            worker.kill();
            throw e;
        }
    }

    /**
     * Runs one task in a fresh worker: starts it, sends the task, closes its input, reads the
     * checksum, waits for the JVM to exit. The whole life of a one-task worker.
     */
    public long runInFreshWorker(Task task) throws IOException, WorkerFailedException, WorkerErrorException,
            InterruptedException {
        try (WorkerProcess worker = start()) {
            worker.send(task);
            worker.closeInput();
            worker.awaitReady();
            long checksum = worker.awaitResult();
            worker.awaitExit();
            return checksum;
        }
    }

    /** The dynamic CDS archive this launcher's workers use, if it uses one on this JDK. */
    public Optional<Path> archiveFile() {
        if (!sharedArchive || Runtime.version().feature() < AUTO_ARCHIVE_JDK) {
            return Optional.empty();
        }
        String key = String.join("\n", javaBinary(), System.getProperty("java.version"),
                WorkerJar.classPath(), String.join(" ", jvmFlags()));
        Path file = SuiteCache.folder().resolve("worker-" + WorkerJar.sha256(key).substring(0, 16) + ".jsa");
        return UNAVAILABLE_ARCHIVES.contains(file) ? Optional.empty() : Optional.of(file);
    }

    /**
     * Creates the archive if it is missing: one worker runs a small task of each in-JVM kind and
     * exits, and the JVM writes the classes it loaded. Call it before starting workers in parallel
     * (they would each try to write it at exit) and before measuring.
     */
    public void prepareArchive() throws IOException, WorkerFailedException, WorkerErrorException,
            InterruptedException {
        Optional<Path> archive = archiveFile();
        archive.filter(Files::exists).ifPresent(SuiteCache::touch);
        if (archive.isEmpty() || Files.exists(archive.get())) {
            return;
        }
        WorkerProcess worker = startReady();
        try {
            worker.run(new CpuTask(1, 1));
            worker.run(new SleepTask(1, 0));
            worker.closeInput();
            worker.awaitExit();
        } finally {
            worker.close();
        }
        if (!Files.exists(archive.get())) {
            UNAVAILABLE_ARCHIVES.add(archive.get());
        }
    }

    private List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx128m", "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:+DisplayVMOutputToStderr", "-Xshare:auto"));
        String taskClassPath = System.getProperty(UserTaskLoader.CLASS_PATH_PROPERTY);
        boolean userTasks = taskClassPath != null && !taskClassPath.isBlank();
        if (lifetime == Lifetime.ONE_TASK) {
            flags.add("-XX:TieredStopAtLevel=1");
        }
        if (lifetime == Lifetime.LONG_LIVED || userTasks) {
            // A user's task may hang, and a fork that stops on the per-batch timeout must not leave
            // its one-task workers behind: they watch their parent too, at some cost to their start.
            flags.add("-D" + WorkerMain.WATCH_PARENT_PROPERTY + "=true");
        }
        ParentFlags.ACTIVE_PROCESSOR_COUNT.ifPresent(flags::add);
        if (userTasks) {
            // A user's task classes: the worker loads them as the parent does, from the same path.
            flags.add("-D" + UserTaskLoader.CLASS_PATH_PROPERTY + "=" + taskClassPath);
        }
        flags.addAll(extraJvmArgs);
        return flags;
    }

    /** The parent's own {@code java} binary, which the workers run. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The parent's own flags that a worker inherits, read once. */
    private static final class ParentFlags {
        static final Optional<String> ACTIVE_PROCESSOR_COUNT = ManagementFactory.getRuntimeMXBean()
                .getInputArguments().stream()
                .filter(arg -> arg.startsWith("-XX:ActiveProcessorCount="))
                .reduce((first, last) -> last);
    }
}
