package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.CpuLimits;
import org.concurrencybench.sweep.machine.CpuTopology;
import org.concurrencybench.sweep.plan.Profile;

import org.concurrencybench.bench.BenchmarkDefaults;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.SuiteBuild;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sweep: runs the benchmarks once per core count, each pinned to that many CPUs, into
 * a run folder, {@code RESULTS/<run-id>/} (its layout: {@link RunFolder}), then writes the report.
 * {@code run-benchmarks.sh} finds a JDK, builds the jar and {@code exec}s this class; its options
 * are the script's flags, and {@code -h} prints this manual.
 */
@Command(name = "run-benchmarks.sh", mixinStandardHelpOptions = true, versionProvider = SweepCommand.Version.class, sortOptions = false,
        usageHelpWidth = 100, synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  ./run-benchmarks.sh [--smoke|--quick|--full] [--cores LIST] [--models LIST] [--workloads LIST]",
            "                      [--tasks LIST] [--max-batch-seconds S] [--spread LIST] [--param NAME=VALUE]...",
            "                      [--budget DURATION] [--precision P] [--min-rounds N] [--max-rounds N]",
            "                      [--label NAME] [--results DIR] [--charts DIR] [--no-build] [--dry-run|--rehearse] [--debug]",
            "                      [--python PATH...|--no-python]",
            "                      [--task-jar PATH --task CLASS [--task CLASS2]... [--task-timeout S]]",
            "                      [--python-task MODULE:FUNCTION [--python-path DIR]]",
            "  ./run-benchmarks.sh bundle [--with-runtime]         (pack the suite to run elsewhere)",
            "  ./run-benchmarks.sh --resume RUN_DIR                (finish an interrupted run)",
            "  ./run-benchmarks.sh remote HOST[,HOST...] [flags]   (sweep other machines over ssh; see remote -h)",
            "  ./run-benchmarks.sh report RUN_DIR... [--out DIR]   (see ./run-benchmarks.sh report -h)",
            "  ./run-benchmarks.sh verify RUN_DIR                  (check that every planned cell has a state)"},
        description = {"",
            "Runs the concurrency-model benchmarks at each core count, each pinned to that many CPUs",
            "(taskset, in the hardware's order) with -XX:ActiveProcessorCount, into RESULTS/<run-id>/",
            "(" + RunFolder.MACHINE + ", " + RunFolder.CORES_FILES + "), then writes the charts and report into CHARTS/<run-id>/.",
            "'report' only reports; with two or more run folders it compares the machines.",
            "Ctrl-C keeps the rounds that finished and stops every process the sweep started.",
            ""},
        optionListHeading = "Options:%n",
        footer = {"", "Exit codes: 0 every cell measured or skipped; 1 an error (one line on stderr); 2 wrong usage;",
            "            3 some cells failed (results and report are still written); 130 interrupted (Ctrl-C);",
            "            143 stopped by SIGTERM. Interrupted or stopped, the finished rounds are kept.",
            "", "Cache:     the workers' lean jar and the class-data archives of workers and JMH forks are kept in",
            "           $TMPDIR/" + org.concurrencybench.process.SuiteCache.FOLDER + " (java.io.tmpdir), at most "
                + org.concurrencybench.process.SuiteCache.MAX_ENTRIES + " files and "
                + (org.concurrencybench.process.SuiteCache.MAX_BYTES >> 20) + " MB; the least recently used go first.",
            "", "Models:    SEQUENTIAL, THREAD_PER_TASK, FIXED_POOL, FORK_JOIN, VIRTUAL_THREADS, PROCESS_POOL,",
            "           PROCESS_PER_TASK, GLOBAL_LOCK, EVENT_LOOP, GLOBAL_LOCK_PER_TASK",
            "Workloads: CPU, SLEEP, IO, MIXED (the default), MEMORY, CONTENDED (by name), USER (the --task",
            "           classes, which run whenever --task is given), and the scenario CONVOY (I/O beside CPU-bound threads)"})
public final class SweepCommand implements Callable<Integer> {

    @Option(names = "--smoke", description = "Wiring check (CI): 1 fork, 1 x 100 ms warm-up, 2 x 100 ms measured,"
            + " 16 tasks a batch, the convoy at one switch interval. Its numbers are not for reading.")
    boolean smoke;

    @Option(names = "--quick", description = "A first look: 1 fork, 1 x 100 ms warm-up, 2 x 100 ms measured, "
            + Profile.QUICK_BATCH_TASKS + " tasks a batch, even batches only (--spread adds uneven ones), a smaller"
            + " convoy; wide intervals.")
    boolean quick;

    @Option(names = "--full", description = "Publication profile: 5 x 2 s warm-up, 10 x 2 s measured a fork, at least 5"
            + " rounds, to 1%%, at most 15. Neither flag: the default profile, 2 x 0.5 s warm-up, 2 x 0.5 s measured a"
            + " fork, at least 3 rounds, to 2%%, at most 6, and none past the least that would end after 28"
            + " minutes (--budget sets another limit; rounds are what intervals and comparisons count).")
    boolean full;

    @Option(names = "--cores", split = ",", paramLabel = "LIST", hideParamSyntax = true,
            description = "Core counts, e.g. 1,2,4 (default: 1, 2, 4, ... up to this machine's CPUs, its CPUs, and"
                + " the counts where the hardware changes: the end of each kind of core (all P-cores, P- and E-cores,"
                + " ... ), one L3 group, one socket, the physical cores). CPUs are taken the fastest kind first, one L3"
                + " group, node and socket before the next, cores without an L3 after, hyperthreads last. CONCURRENCYBENCH_SYSFS=DIR (a copy of /sys) plans another machine's with --dry-run.")
    List<Integer> cores;

    @Option(names = "--models", split = ",", paramLabel = "LIST", hideParamSyntax = true,
            description = "Models, e.g. SEQUENTIAL,FIXED_POOL (default: all, listed below).")
    List<String> models;

    @Option(names = "--workloads", split = ",", paramLabel = "LIST", hideParamSyntax = true,
            description = "Workloads among CPU, SLEEP, IO, MIXED, MEMORY, CONTENDED, CONVOY, USER (default: CPU, SLEEP, IO,"
                + " MIXED, CONVOY). MEMORY (memory bandwidth) and CONTENDED (one shared lock) are asked for by name."
                + " CONVOY always runs its own two models, GLOBAL_LOCK and THREAD_PER_TASK, whatever --models says."
                + " With --task, USER alone runs only your tasks.")
    List<String> workloads;

    @Option(names = "--tasks", split = ",", paramLabel = "LIST", hideParamSyntax = true,
            description = "Also measure how many concurrent waits each model holds: batches of this many"
                + " 10 ms SLEEP (and IO) tasks, e.g. 100,1000,10000,100000, at the largest core count.")
    List<Integer> tasks;

    @Option(names = "--max-batch-seconds", paramLabel = "S", defaultValue = "20",
            description = "With --tasks: skip a size whose predicted batch time is over S seconds (default: 20).")
    int maxBatchSeconds;

    @Option(names = "--spread", split = ",", paramLabel = "LIST", hideParamSyntax = true,
            description = "Task-size spreads among NONE, UNIFORM, EXPONENTIAL, PARETO: the same total work per batch,"
                + " shared unevenly (default: NONE, and PARETO on CPU and SLEEP only, to keep the run short; --quick:"
                + " NONE only). Given,"
                + " every uneven spread runs on every chosen workload. NONE always runs, at every core count;"
                + " uneven batches, and PROCESS_POOL with Pool.map's default chunks, at the largest.")
    List<String> spreads;

    @Option(names = "--precision", paramLabel = "P",
            description = "Rounds: stop once every cell's mean is known to within P (its interval's half-width over"
                + " its mean, e.g. 0.02 = 2%%), after --min-rounds, or is out of reach: so scattered that even"
                + " --max-rounds would leave it short (it keeps its wide interval) (default: 0.02; --full 0.01).")
    Double precision;

    @Option(names = "--min-rounds", paramLabel = "N",
            description = "Rounds always run; each round measures every cell at every core count once, one JMH fork"
                + " each, in a shuffled order (default: 3; --full 5; --quick and --smoke 1).")
    Integer minRounds;

    @Option(names = "--max-rounds", paramLabel = "N",
            description = "Rounds at most; from the round after --min-rounds only the cells short of --precision, and"
                + " within its reach by this round, run again (default: 6; --full 15; --quick and --smoke 1).")
    Integer maxRounds;

    @Option(names = "--budget", paramLabel = "DURATION",
            description = "Fit the run into DURATION (e.g. 90s, 10m, 1h): gives up the largest --tasks sizes, then"
                + " shortens iterations, then fewer iterations, warm-ups, least rounds and core counts, in that"
                + " order, until the estimate fits; says what it gave up and records"
                + " it in " + RunFolder.MACHINE + ".")
    String budget;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Set a benchmark parameter (JMH @Param) for every benchmark that declares it, e.g."
                + " cpuUnits=770 or sleepMicros=2000; repeatable. Recorded in " + RunFolder.MACHINE + " and the report.")
    List<String> params;

    @Option(names = "--task-jar", paramLabel = "PATH",
            description = "Your own tasks' jar (classes implementing org.concurrencybench.api.UserTask), with its"
                + " dependencies as a class path, e.g. tasks.jar:lib/* (no spaces: JMH passes it to its forks).")
    String taskJar;

    @Option(names = "--task", paramLabel = "CLASS",
            description = "A UserTask class in --task-jar, run as a workload of its own (cells carry task=CLASS)"
                + " under every model and core count; repeatable. A class that cannot be loaded or built stops"
                + " the sweep with one line, exit 2, before anything runs.")
    List<String> taskClasses;

    @Option(names = "--task-timeout", paramLabel = "S", defaultValue = "60",
            description = "Per-batch timeout of a --task, seconds (default: 60, far above a batch of 64 tasks of a"
                + " few ms): a batch that runs longer stops its JMH fork, and its cell is FAILED with that reason;"
                + " the other cells are measured. A task that throws fails its cell with its exception.")
    int taskTimeoutSeconds;

    @Option(names = "--python-task", paramLabel = "MODULE:FUNCTION",
            description = "A Python function, called FUNCTION(seed) per task, run through every CPython form"
                + " (awaited under asyncio if it is async def, else called on the loop); a workload of the CPython"
                + " part of the report. A module or function not found: one line, exit 2, before anything runs.")
    String pythonTask;

    @Option(names = "--python-path", paramLabel = "DIR",
            description = "The folder --python-task's module is imported from (default: the current folder).")
    Path pythonPath;

    @Option(names = "--label", paramLabel = "NAME",
            description = "A name for this machine in the run id and the report, e.g. laptop (default: host name).")
    String label;

    @Option(names = "--results", paramLabel = "DIR", description = "Where run folders go (default: results).")
    Path resultsDir = Path.of("results");

    @Option(names = "--charts", paramLabel = "DIR", description = "Where report folders go (default: charts; --resume: the run's own).")
    Path chartsDir; // null: charts, or for --resume the run's own (SweepSettings)

    @Option(names = "--no-build",
            description = "Use target/benchmarks.jar as it is; needs no Maven (handled by run-benchmarks.sh).")
    boolean noBuild;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Finish an interrupted run: go on at its next round (a round cut short is measured"
                + " again), with the settings in its " + RunFolder.MACHINE + " (give no other sweep flags), then report.")
    Path resume;

    @Option(names = "--dry-run", description = "Print what would run, and the estimated time, then stop.")
    boolean dryRun;

    @Option(names = "--rehearse",
            description = "Rehearse a plan: a fixture's (CONCURRENCYBENCH_SYSFS=DIR) or this machine's at --cores, any"
                + " count, on whatever CPUs there are, unpinned, each core count told -XX:ActiveProcessorCount as"
                + " planned, with the smoke profile. Not a measurement: a proof that every model, cell, the report and"
                + " its charts work at that scale. Its machine.json and report say \"rehearsal\".")
    boolean rehearse;

    @Option(names = "--python", paramLabel = "PATH", split = ",",
            description = "The CPython (3.9+) to run beside the JVM, e.g. python3.13t (default: python3 on the PATH,"
                + " if it is 3.9+). At each core count it runs the same batches and the convoy through"
                + " CPython's own threads, processes and asyncio, under the same CPU affinity. Give it more than"
                + " once (or a comma list) to measure several interpreters in the same rounds, side by side in"
                + " the report; their files are then named by version and build (cpython-3.13t-cores-N.json).")
    List<String> python;

    @Option(names = "--no-python", description = "Do not run real CPython beside the JVM.")
    boolean noPython;

    @Option(names = "--debug", description = "On an error, print its stack trace too.")
    boolean debug;

    /** The exit codes, as {@code -h} lists them. */
    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int CELLS_FAILED = 3;
    static final int INTERRUPTED = 130;
    /** SIGTERM's exit code: the JVM exits with 128 + 15 while its shutdown hook keeps what finished. */
    static final int TERMINATED = 143;

    private final PrintStream console;

    public SweepCommand() {
        this(System.out);
    }

    SweepCommand(PrintStream console) {
        this.console = console;
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new SweepCommand());
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("run-benchmarks.sh: " + e.getMessage()
                    + " (see ./run-benchmarks.sh -h)");
            return USAGE;
        });
        System.exit(commandLine.execute(args));
    }

    /** The flags as given, for {@link SweepSettings} to check and resolve. */
    public SweepRequest request() {
        return new SweepRequest(new SweepRequest.Measure(smoke, quick, full, budget, cores, models, workloads, tasks,
                spreads, params, label, maxBatchSeconds), new SweepRequest.Rounds(precision, minRounds, maxRounds),
                new SweepRequest.Folders(resultsDir, chartsDir, resume), new SweepRequest.Pythons(python, noPython),
                new SweepRequest.UserTasks(taskJar, taskClasses, taskTimeoutSeconds, pythonTask, pythonPath));
    }

    @Override
    public Integer call() {
        try {
            if (rehearse) {
                if (quick || full || resume != null || budget != null) {
                    throw new IllegalArgumentException("--rehearse runs the smoke profile once through the plan; give it"
                            + " without --quick, --full, --budget or --resume");
                }
                smoke = true;
            }
            CpuTopology topology = CpuTopology.ofThisMachine();
            if (CpuTopology.fixtureRoot() != null && !dryRun && !rehearse) {
                // Another machine's CPUs: this one cannot pin to them.
                throw new IllegalArgumentException(topology.source() + " plans another machine's sweep; give --dry-run"
                        + " (or --rehearse) with it, or unset it to measure this machine");
            }
            int rehearsed = cores == null ? 0 : cores.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (rehearse && CpuTopology.fixtureRoot() == null && rehearsed > topology.logicalCpus()) {
                topology = CpuTopology.numbered(rehearsed); // more cores than here: a plan by CPU number
            }
            CpuLimits limits = CpuTopology.fixtureRoot() != null || rehearse
                    ? new CpuLimits(null, topology.logicalCpus(), null, null) : CpuLimits.ofThisProcess();
            SweepSettings settings = resume == null ? SweepSettings.resolve(request(), topology, limits)
                    : SweepSettings.resume(request(), topology);
            if (rehearse) {
                settings = settings.asRehearsal();
            }
            return switch (new Sweep(settings, console).run(dryRun)) {
                case ALL_MEASURED -> OK;
                case CELLS_FAILED -> CELLS_FAILED;
                case INTERRUPTED -> INTERRUPTED;
            };
        } catch (IllegalArgumentException e) {
            System.err.println("run-benchmarks.sh: " + e.getMessage());
            return USAGE;
        } catch (Exception | Error e) {
            System.err.println("run-benchmarks.sh: " + ErrorLine.of(e));
            if (debug) {
                e.printStackTrace();
            } else if (ErrorLine.unexpected(e)) {
                System.err.println("run-benchmarks.sh: (an unexpected error; --debug shows where it happened)");
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return ERROR;
        }
    }

    /** {@code --version}: the suite's version and the commit its jar was built from ({@link SuiteBuild}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {SuiteBuild.ofThisJar().describe()};
        }
    }
}
