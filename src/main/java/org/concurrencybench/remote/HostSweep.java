package org.concurrencybench.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.concurrencybench.results.SafeName;

/**
 * One host's part of {@code remote}: reach it, install the bundle and {@code remote-sweep.sh}
 * unless they are there already, run the sweep there with its progress lines prefixed by the
 * host's name, and fetch the run folder. Its ssh session's standard input is the sweep's
 * lifeline: {@link #stop} closes it (and then makes sure on a second connection), a dropped
 * connection closes it too, and the far side then stops the sweep, keeping what finished.
 *
 * <p>Why one object per host: hosts are independent; one that cannot be reached or refuses the
 * key ends in one line while the others go on.
 *
 * <p>Nothing a host sends is trusted for a local path (OpenSSH's own rule since scp's
 * CVE-2019-6111 fix): the run id it prints must be one safe folder name as it stands
 * ({@link SafeName#isSafe}), the folder is copied into a fresh temporary folder inside
 * {@code --results} and stops being copied past {@link #MAX_FETCH_BYTES}, and only a tree of plain
 * files and folders is moved into place. Nothing outside {@code --results} is ever removed.
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
    /**
     * The most a fetched run folder may hold: a default run's folder is a few megabytes and the
     * largest sweeps' tens, so a host sending more is sending something else.
     */
    static final long MAX_FETCH_BYTES = 2L << 30;

    private final String host;
    private final SshTools tools;
    private final LocalBundle bundle;
    private final String remoteDir;
    private final PrintStream console;
    private final String token = UUID.randomUUID().toString().substring(0, 8);
    private volatile Process sweep;
    private volatile boolean stopping;
    private volatile String runId;
    /** A run id the host printed that is not one safe folder name: the sweep's result is refused. */
    private volatile String refusedRunId;

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
        if (!SafeName.isSafe(id)) {
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
        if (refusedRunId != null) {
            say("refused the run id '" + printable(refusedRunId) + "' that the sweep there printed: a run id is one"
                    + " folder name of letters, digits, '.', '_' and '-'; nothing fetched, nothing changed here");
            return new Outcome(host, State.FAILED, null, null);
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
        SshTools.Result reached = SshTools.awaitEnd(process, 60, () -> false);
        if (reached.exitCode() != 0) {
            say("cannot reach it: " + reached.lastLine());
            return null;
        }
        if (reached.output().contains("BUNDLE-PRESENT")) {
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
                if (runId == null && refusedRunId == null && sweepLine.find()) {
                    String id = sweepLine.group(1);
                    if (SafeName.isSafe(id)) {
                        runId = id;
                    } else {
                        refusedRunId = id;
                    }
                }
                say(line);
            }
        } catch (IOException e) {
            // the connection went: the exit code says so
        }
    }

    /**
     * Copies the run folder into {@code results}/<run-id> (replacing an earlier, partial copy), or
     * says in one line why not and returns null.
     */
    private Path fetch(Path results) throws IOException, InterruptedException {
        Files.createDirectories(results);
        Path base = results.toAbsolutePath().normalize();
        Path target = base.resolve(runId).normalize();
        if (!SafeName.isSafe(runId) || !base.equals(target.getParent())) {
            throw new IllegalStateException("run id '" + printable(runId) + "' escapes " + base); // checked on reading
        }
        Path incoming = Files.createTempDirectory(base, ".fetch-");
        try {
            SshTools.Result copied = SshTools.run(tools.scp(true, List.of(host + ":" + remoteDir + "/results/" + runId),
                    incoming.toString()), 3600, () -> treeBytes(incoming) > MAX_FETCH_BYTES);
            if (copied.exitCode() != 0) {
                say("cannot fetch the run folder: " + (copied.aborted()
                        ? "it holds more than " + (MAX_FETCH_BYTES >> 20) + " MiB, far more than a run folder; stopped copying"
                        : copied.lastLine()));
                sayResume();
                return null;
            }
            String odd = unexpectedEntry(incoming, runId);
            if (odd != null) {
                say("refused the fetched run folder: " + odd + "; nothing moved into " + base);
                return null;
            }
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
            console.println("[" + host + "] " + printable(line));
        }
    }

    /** {@code text} with control characters (a terminal's escape sequences, carriage returns) shown as '?'. */
    static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) && c != '\t' ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * What is wrong with the copy in {@code incoming}, or null where it is one folder named {@code id}
     * of plain files and folders with safe names (a link could point anywhere on this machine).
     */
    static String unexpectedEntry(Path incoming, String id) throws IOException {
        try (Stream<Path> top = Files.list(incoming)) {
            List<String> names = top.map(p -> p.getFileName().toString()).toList();
            if (!names.equals(List.of(id)) || !Files.isDirectory(incoming.resolve(id), LinkOption.NOFOLLOW_LINKS)) {
                return "expected one folder '" + id + "', got " + printable(names.toString());
            }
        }
        try (Stream<Path> paths = Files.walk(incoming.resolve(id))) {
            for (Path path : paths.toList()) {
                String name = path.getFileName().toString();
                boolean plain = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                        || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                if (!plain || !SafeName.isSafe(name)) {
                    return "'" + printable(incoming.relativize(path).toString()) + "' is "
                            + (plain ? "not a safe file name" : "not a plain file or folder");
                }
            }
        }
        return null;
    }

    /** The bytes of the plain files under {@code dir} so far (files that vanish meanwhile count 0). */
    private static long treeBytes(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.mapToLong(p -> {
                try {
                    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
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
