package org.concurrencybench.remote;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concurrencybench.report.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./run-benchmarks.sh remote HOST[,HOST...] [sweep flags]}: measures other machines from
 * here. It copies the bundle to every host with the system's {@code ssh}/{@code scp} (once per
 * bundle), runs one sweep on each, all at once, streams their progress lines prefixed with the
 * host's name, fetches each run folder into {@code --results} and writes one report over them
 * into {@code --charts}. Ctrl-C stops every sweep there; a dropped connection stops its sweep
 * too, keeping what finished, and {@code remote --resume HOST RUN_ID} continues and fetches it.
 * A host that cannot be reached or refuses the key is one line; the others go on. Ten hosts are
 * ten independent sweeps and one report; there is no scheduler.
 */
@Command(name = "run-benchmarks.sh remote", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  ./run-benchmarks.sh remote HOST[,HOST...] [--with-runtime] [--bundle ARCHIVE] [--remote-dir DIR]",
            "                             [--label NAME] [--results DIR] [--charts DIR] [sweep flags...]",
            "  ./run-benchmarks.sh remote --resume HOST RUN_ID [--results DIR] [--charts DIR]"},
        description = {"",
            "Runs the sweep on other machines over ssh, all hosts at once, and brings their run folders here.",
            "HOST is anything the system's ssh takes (a name from ~/.ssh/config, user@host); ssh and scp come",
            "from the PATH, so agents, jump hosts and config work as for you. Every other flag goes to the",
            "sweep (see ./run-benchmarks.sh -h), e.g. --quick --cores 1,4,16. Progress lines are prefixed",
            "[HOST]; each run folder is fetched into RESULTS/<run-id>, then one report over all of them is",
            "written into CHARTS/. Ctrl-C stops every remote sweep and all it started there. A dropped",
            "connection stops that host's sweep, keeping the core counts that finished: continue it with",
            "--resume HOST RUN_ID. A host that cannot be reached or refuses the key is one line; the others",
            "go on. The far side needs bash, tar and Java 21+ (or a bundle made --with-runtime).", ""},
        optionListHeading = "Options:%n",
        footer = {"", "Exit codes: 0 every host measured; 1 a host failed or could not be reached (the others' runs are",
            "            still fetched and reported); 2 wrong usage; 3 some cells failed; 130 interrupted."})
public final class RemoteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "HOST[,HOST...]", description = "The hosts (with --resume: HOST RUN_ID).")
    List<String> positional = new ArrayList<>();

    @Option(names = "--resume", description = "Continue the interrupted run RUN_ID on HOST, then fetch it and report.")
    boolean resume;

    @Option(names = "--with-runtime", description = "Copy the bundle with its own Java runtime (for a host without"
            + " Java 21; same OS and architecture as here).")
    boolean withRuntime;

    @Option(names = "--bundle", paramLabel = "ARCHIVE", description = "Copy this bundle archive instead of"
            + " target/'s (built or rebuilt when missing or older than target/benchmarks.jar).")
    Path bundle;

    @Option(names = "--remote-dir", paramLabel = "DIR", defaultValue = "concurrencybench",
            description = "Where on each host the bundles, results and reports go, relative to the home folder"
                    + " unless absolute (default: ${DEFAULT-VALUE}).")
    String remoteDir;

    @Option(names = "--label", paramLabel = "NAME", description = "The run's name; with several hosts NAME-HOST"
            + " (default: the host as given).")
    String label;

    @Option(names = "--results", paramLabel = "DIR", description = "Where fetched run folders go (default: results).")
    Path results = Path.of("results");

    @Option(names = "--charts", paramLabel = "DIR", description = "Where the report goes (default: charts).")
    Path charts = Path.of("charts");

    private final PrintStream console;
    private final Map<String, String> environment;

    public RemoteCommand() {
        this(System.out, System.getenv());
    }

    RemoteCommand(PrintStream console, Map<String, String> environment) {
        this.console = console;
        this.environment = environment;
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new RemoteCommand()).setUnmatchedOptionsArePositionalParams(true);
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("run-benchmarks.sh remote: " + e.getMessage()
                    + " (see ./run-benchmarks.sh remote -h)");
            return 2;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<HostSweep> hosts = new ArrayList<>();
        List<String> sweepArgs;
        SshTools tools;
        LocalBundle local;
        try {
            if (positional.isEmpty() || (resume && positional.size() != 2)) {
                throw new IllegalArgumentException(resume ? "--resume takes HOST RUN_ID and no sweep flags"
                        : "give the hosts, e.g. 'remote server1,server2 --quick'");
            }
            sweepArgs = resume ? List.of() : positional.subList(1, positional.size());
            if (label != null && !label.matches("[A-Za-z0-9._-]{1,48}")) {
                throw new IllegalArgumentException("--label '" + label + "': use 1 to 48 letters, digits, '.', '_' or '-'");
            }
            tools = new SshTools(environment);
            local = LocalBundle.find(bundle, Path.of(System.getProperty("concurrencybench.root", ".")), withRuntime);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("run-benchmarks.sh remote: " + e.getMessage());
            return 2;
        }
        List<String> names = new ArrayList<>(new LinkedHashSet<>(List.of(positional.get(0).split(","))));
        names.removeIf(String::isBlank);
        for (String host : names) {
            hosts.add(new HostSweep(host, tools, local, remoteDir, console));
        }
        Thread onInterrupt = new Thread(() -> stopAll(hosts), "remote-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        List<HostSweep.Outcome> outcomes = runAll(hosts, names.size() > 1, sweepArgs);
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            return 130; // Ctrl-C: the hook is stopping every host and says how to resume
        }
        return report(outcomes);
    }

    private List<HostSweep.Outcome> runAll(List<HostSweep> hosts, boolean several, List<String> sweepArgs)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(hosts.size());
        List<Future<HostSweep.Outcome>> futures = new ArrayList<>();
        for (HostSweep host : hosts) {
            futures.add(pool.submit(() -> {
                if (resume) {
                    return host.resume(positional.get(1), results);
                }
                List<String> args = new ArrayList<>(sweepArgs);
                args.addAll(List.of("--label", runLabel(host.host(), several)));
                return host.run(args, results);
            }));
        }
        List<HostSweep.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            try {
                outcomes.add(futures.get(i).get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                console.println("[" + hosts.get(i).host() + "] failed: " + (cause.getMessage() == null
                        ? cause.getClass().getSimpleName() : cause.getMessage()));
                outcomes.add(new HostSweep.Outcome(hosts.get(i).host(), HostSweep.State.FAILED, null, null));
            }
        }
        pool.shutdown();
        return outcomes;
    }

    /** The run's label on {@code host}: --label (NAME-HOST for several hosts), else the host as given, made safe. */
    String runLabel(String host, boolean several) {
        String safeHost = host.replaceAll("[^A-Za-z0-9._-]", "-");
        String name = label == null ? safeHost : several ? label + "-" + safeHost : label;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static void stopAll(List<HostSweep> hosts) {
        List<Thread> stopping = new ArrayList<>();
        for (HostSweep host : hosts) {
            stopping.add(Thread.ofPlatform().start(host::stop));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One report over every fetched run; the exit code over every host. */
    private int report(List<HostSweep.Outcome> outcomes) {
        List<String> runDirs = new ArrayList<>();
        boolean failedHost = false;
        boolean failedCells = false;
        boolean interrupted = false;
        for (HostSweep.Outcome outcome : outcomes) {
            if (outcome.runDir() != null) {
                runDirs.add(outcome.runDir().toString());
            }
            failedCells |= outcome.state() == HostSweep.State.CELLS_FAILED;
            interrupted |= outcome.state() == HostSweep.State.INTERRUPTED;
            failedHost |= outcome.state() != HostSweep.State.MEASURED && outcome.state() != HostSweep.State.CELLS_FAILED
                    && outcome.state() != HostSweep.State.INTERRUPTED && outcome.state() != HostSweep.State.PLANNED;
        }
        if (interrupted) {
            return 130;
        }
        int reported = 0;
        if (!runDirs.isEmpty()) {
            String folder = runDirs.size() == 1 ? Path.of(runDirs.get(0)).getFileName().toString()
                    : "compare-" + String.join("-vs-", runDirs.stream().map(d -> Path.of(d).getFileName().toString()).toList());
            List<String> args = new ArrayList<>(runDirs);
            args.addAll(List.of("--out", charts.resolve(folder).toString()));
            reported = new CommandLine(new ReportCommand()).execute(args.toArray(String[]::new));
        }
        long planned = outcomes.stream().filter(o -> o.state() == HostSweep.State.PLANNED).count();
        if (planned > 0) {
            console.printf("remote: planned on %d of %d hosts (--dry-run: nothing measured)%n", planned, outcomes.size());
            return failedHost ? 1 : 0;
        }
        console.printf("remote: %d of %d hosts measured%s%n", runDirs.size(), outcomes.size(),
                runDirs.isEmpty() ? "" : "; report in " + charts);
        return failedHost || reported != 0 ? 1 : failedCells ? 3 : 0;
    }
}
