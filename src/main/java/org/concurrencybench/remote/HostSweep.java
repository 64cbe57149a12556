package org.concurrencybench.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One host's part of {@code remote}: reach it, install the bundle and {@code remote-sweep.sh}
 * unless they are there already, run the sweep there with its progress lines prefixed by the
 * host's name, and fetch the run folder. Its ssh session's standard input is the sweep's
 * lifeline: {@link #stop} closes it (and then makes sure on a second connection), a dropped
 * connection closes it too, and the far side then stops the sweep, keeping what finished.
 *
 * <p>Why one object per host: hosts are independent; one that cannot be reached or refuses the
 * key ends in one line while the others go on.
 */
final class HostSweep {

    /** How a host's part ended. */
    enum State { MEASURED, CELLS_FAILED, PLANNED, UNREACHABLE, FAILED, INTERRUPTED, DROPPED }

    /** How it ended, the run id (null where none started) and the local run folder (null where not fetched). */
    record Outcome(String host, State state, String runId, Path runDir) {
    }

    private static final Pattern SWEEP_LINE = Pattern.compile("^Sweep (\\S+): ");
    /** ssh's own exit code for a failed connection (the remote command's code otherwise). */
    private static final int SSH_FAILED = 255;

    private final String host;
    private final SshTools tools;
    private final LocalBundle bundle;
    private final String remoteDir;
    private final PrintStream console;
    private final String token = UUID.randomUUID().toString().substring(0, 8);
    private volatile Process sweep;
    private volatile boolean stopping;
    private volatile String runId;

    HostSweep(String host, SshTools tools, LocalBundle bundle, String remoteDir, PrintStream console) {
        this.host = host;
        this.tools = tools;
        this.bundle = bundle;
        this.remoteDir = remoteDir;
        this.console = console;
    }

    String host() {
        return host;
    }

    /** A new sweep with {@code sweepArgs} (the sweep's own flags), fetched into {@code results}. */
    Outcome run(List<String> sweepArgs, Path results) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(sweepArgs);
        args.addAll(List.of("--results", remoteDir + "/results", "--charts", remoteDir + "/charts"));
        return sweep(args, null, results);
    }

    /** Continues the interrupted run {@code id} there, then fetches it into {@code results}. */
    Outcome resume(String id, Path results) throws IOException, InterruptedException {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--resume: '" + id + "' is not a run id (results/<run-id>)");
        }
        return sweep(List.of("--resume", remoteDir + "/results/" + id, "--charts", remoteDir + "/charts"), id, results);
    }

    private Outcome sweep(List<String> args, String knownRunId, Path results) throws IOException, InterruptedException {
        runId = knownRunId;
        String bundleDir = install();
        if (bundleDir == null) {
            return new Outcome(host, State.UNREACHABLE, null, null);
        }
        List<String> command = new ArrayList<>(List.of("bash", remoteDir + "/remote-sweep.sh", "run", token, bundleDir));
        command.addAll(args);
        int exit;
        synchronized (this) {
            if (stopping) {
                return new Outcome(host, State.INTERRUPTED, runId, null);
            }
            sweep = tools.ssh(host, SshTools.quote(command)).start();
        }
        Thread output = Thread.ofPlatform().name("remote-" + host).start(() -> stream(sweep.getInputStream()));
        exit = sweep.waitFor();
        output.join();
        if (stopping) {
            return new Outcome(host, State.INTERRUPTED, runId, null);
        }
        if (exit == SSH_FAILED || exit > 128) {
            // 255: ssh lost the connection; above 128: ssh or the sweep there ended by a signal.
            say("connection lost or the sweep there stopped (exit " + exit + "); the sweep there stops itself and"
                    + " keeps the core counts that finished");
            sayResume();
            return new Outcome(host, State.DROPPED, runId, null);
        }
        if (exit == 0 && args.contains("--dry-run")) {
            return new Outcome(host, State.PLANNED, runId, null); // the plan is above; nothing to fetch
        }
        if (runId == null || (exit != 0 && exit != 3)) {
            say("the sweep there failed (exit " + exit + "); its output is above");
            return new Outcome(host, State.FAILED, runId, null);
        }
        Path local = fetch(results);
        if (local == null) {
            return new Outcome(host, State.FAILED, runId, null);
        }
        return new Outcome(host, exit == 3 ? State.CELLS_FAILED : State.MEASURED, runId, local);
    }

    /**
     * Reaches the host, writes {@code remote-sweep.sh} there and unpacks the bundle unless this very
     * bundle is there: returns the bundle's folder there, or null (said in one line) where it failed.
     */
    private String install() throws IOException, InterruptedException {
        String bundleDir = remoteDir + "/bundles/" + bundle.remoteName();
        String check = "mkdir -p " + SshTools.quote(remoteDir + "/bundles") + " && cat > "
                + SshTools.quote(remoteDir + "/remote-sweep.sh") + " && if test -f " + SshTools.quote(bundleDir + "/.complete")
                + "; then echo BUNDLE-PRESENT; fi";
        Process process = tools.ssh(host, check).start();
        try (InputStream script = HostSweep.class.getResourceAsStream("remote-sweep.sh");
             OutputStream stdin = process.getOutputStream()) {
            script.transferTo(stdin);
        } catch (IOException e) {
            // the connection failed: said below from ssh's own message
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            say("cannot reach it: " + new SshTools.Result(-1, output).lastLine());
            return null;
        }
        if (output.contains("BUNDLE-PRESENT")) {
            say("bundle " + bundle.remoteName() + " is there already");
            return bundleDir;
        }
        say("copying " + bundle.archive().getFileName() + " (" + Files.size(bundle.archive()) / 1024 + " KiB)");
        // Unpacked beside under a name of this session's own, then moved into place: two sessions
        // installing at once (two aliases of one host, a shared home) do not unpack into each other.
        String name = bundle.remoteName();
        String mine = name + "." + token;
        String archive = remoteDir + "/bundles/" + mine + ".tar.gz";
        SshTools.Result copied = SshTools.run(tools.scp(false, List.of(bundle.archive().toString()), host + ":" + archive), 3600);
        String unpack = "cd " + SshTools.quote(remoteDir + "/bundles") + " && mkdir " + mine + " && tar xzf " + mine
                + ".tar.gz --strip-components=1 -C " + mine + " && rm " + mine + ".tar.gz && touch " + mine + "/.complete"
                + " && if test -f " + name + "/.complete; then rm -rf " + mine + "; else rm -rf " + name + " && mv " + mine
                + " " + name + "; fi";
        SshTools.Result unpacked = copied.exitCode() == 0 ? SshTools.run(tools.ssh(host, unpack), 600) : copied;
        if (unpacked.exitCode() != 0) {
            say("cannot install the bundle: " + unpacked.lastLine());
            return null;
        }
        return bundleDir;
    }

    private void stream(InputStream output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                Matcher sweepLine = SWEEP_LINE.matcher(line);
                if (runId == null && sweepLine.find()) {
                    runId = sweepLine.group(1);
                }
                say(line);
            }
        } catch (IOException e) {
            // the connection went: the exit code says so
        }
    }

    /** Copies the run folder into {@code results}/<run-id> (replacing an earlier, partial copy). */
    private Path fetch(Path results) throws IOException, InterruptedException {
        Files.createDirectories(results);
        Path incoming = Files.createTempDirectory(results, ".fetch-");
        try {
            SshTools.Result copied = SshTools.run(tools.scp(true, List.of(host + ":" + remoteDir + "/results/" + runId),
                    incoming.toString()), 3600);
            if (copied.exitCode() != 0) {
                say("cannot fetch the run folder: " + copied.lastLine());
                sayResume();
                return null;
            }
            Path target = results.resolve(runId);
            deleteTree(target);
            Files.move(incoming.resolve(runId), target);
            say("fetched " + target);
            return target;
        } finally {
            deleteTree(incoming);
        }
    }

    /**
     * Stops the sweep there: closes its lifeline, waits for the session to end, then asks the host
     * on a second connection to stop it (if it still runs) and waits until it has.
     */
    void stop() {
        Process running;
        synchronized (this) {
            stopping = true;
            running = sweep;
        }
        if (running == null) {
            return;
        }
        try {
            running.getOutputStream().close();
            if (!running.waitFor(70, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
            SshTools.Result stopped = SshTools.run(tools.ssh(host, SshTools.quote(List.of("bash",
                    remoteDir + "/remote-sweep.sh", "stop", token))), 90);
            say(stopped.exitCode() == 0 ? "stopped; nothing of it runs there any more"
                    : "could not confirm that it stopped: " + stopped.lastLine());
            sayResume();
        } catch (IOException e) {
            say("could not confirm that it stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sayResume() {
        if (runId != null) {
            say("resume with: ./run-benchmarks.sh remote --resume " + host + " " + runId);
        }
    }

    private void say(String line) {
        synchronized (console) {
            console.println("[" + host + "] " + line);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
