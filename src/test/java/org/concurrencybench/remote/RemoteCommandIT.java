package org.concurrencybench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remote} against a real OpenSSH server on loopback ({@link LocalSshd}), with a stand-in
 * sweep in the bundle ({@link FakeBundle}: no JMH in unit tests): a normal run over two hosts,
 * Ctrl-C in the middle, a killed connection then {@code --resume}, and a wrong key and a closed
 * port beside a good host. After each, nothing runs on the "remote" side (no process whose
 * command line names the remote folder).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class RemoteCommandIT {

    @TempDir
    static Path shared;
    private static LocalSshd sshd;
    private static Path bundle;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() throws Exception {
        sshd = LocalSshd.start(Files.createDirectories(shared.resolve("sshd")));
        bundle = FakeBundle.create(Files.createDirectories(shared.resolve("bundle")));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (sshd != null) {
            sshd.close();
        }
    }

    private Path remoteDir() {
        return work.resolve("remote-side");
    }

    private RemoteProcess remote(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bundle", bundle.toString(), "--remote-dir", remoteDir().toString(),
                "--results", work.resolve("results").toString(), "--charts", work.resolve("charts").toString()));
        return RemoteProcess.start(sshd.path(), work, all);
    }

    /** Processes whose command line names the remote folder: the sweep, its wrapper, anything they started. */
    private List<String> runningRemotely() throws IOException, InterruptedException {
        return org.concurrencybench.Leftovers.naming(remoteDir().toString(), java.time.Duration.ofSeconds(10)); // a stopping sweep may take a moment
    }

    private List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sweepsTwoHostsAtOnceFetchesBothAndWritesOneReport() throws Exception {
        RemoteProcess run = remote("alpha,beta", "--cores", "1,2");
        assertEquals(0, run.await(120), run.output());
        String output = run.output();
        for (String host : List.of("alpha", "beta")) {
            assertTrue(output.contains("[" + host + "] copying concurrency-bench-fake.tar.gz")
                    || output.contains("[" + host + "] bundle "), output);
            assertTrue(output.lines().anyMatch(l -> l.matches("\\[" + host + "] Sweep \\d{8}-\\d{6}-" + host + ": .*")), output);
            assertTrue(output.contains("[" + host + "] [2] cores=2"), output);
        }
        List<String> runs = files(work.resolve("results"));
        assertEquals(2, runs.size(), runs.toString());
        for (String id : runs) {
            assertEquals(List.of("cores-1.json", "cores-2.json", "machine.json", "plan"), files(work.resolve("results").resolve(id)));
        }
        String alpha = runs.stream().filter(id -> id.endsWith("-alpha")).findFirst().orElseThrow();
        String beta = runs.stream().filter(id -> id.endsWith("-beta")).findFirst().orElseThrow();
        Path report = work.resolve("charts").resolve("compare-" + alpha + "-vs-" + beta); // in the hosts' order
        assertTrue(Files.isRegularFile(report.resolve("report.md")), output);
        assertTrue(output.contains("remote: 2 of 2 hosts measured"), output);
        assertEquals(List.of(), runningRemotely());

        RemoteProcess again = remote("alpha", "--cores", "1");
        assertEquals(0, again.await(120), again.output());
        assertTrue(again.output().contains("[alpha] bundle concurrency-bench-fake-"), "reused: " + again.output());
        assertFalse(again.output().contains("copying"), again.output());
    }

    @Test
    void aDryRunShowsEachHostsPlanAndFetchesNothing() throws Exception {
        RemoteProcess run = remote("alpha", "--cores", "1", "--dry-run");
        assertEquals(0, run.await(60), run.output());
        assertTrue(run.output().contains("[alpha] Sweep "), run.output());
        assertTrue(run.output().contains("remote: planned on 1 of 1 hosts"), run.output());
        assertFalse(Files.exists(work.resolve("charts")), run.output());
    }

    @Test
    void ctrlCStopsTheRemoteSweepAndLeavesNothingRunning() throws Exception {
        RemoteProcess run = remote("alpha", "--cores", "1,2", "--fake-seconds", "60");
        run.awaitLine(l -> l.equals("[alpha] [1] cores=1"), 60);
        run.interrupt();
        assertEquals(130, run.await(120), run.output());
        String output = run.output();
        assertTrue(output.contains("[alpha] stopped; nothing of it runs there any more"), output);
        assertFalse(output.contains("Exception"), "no stack trace: " + output);
        assertTrue(output.lines().anyMatch(l -> l.matches(
                "\\[alpha] resume with: \\./run-benchmarks\\.sh remote --resume alpha \\d{8}-\\d{6}-alpha")), output);
        assertEquals(List.of(), runningRemotely());
        assertFalse(Files.exists(work.resolve("results")) && !files(work.resolve("results")).isEmpty());
    }

    @Test
    void aKilledConnectionStopsTheSweepThereAndResumeFinishesAndFetchesIt() throws Exception {
        RemoteProcess run = remote("alpha", "--cores", "1,2", "--fake-seconds", "2");
        run.awaitLine(l -> l.equals("[alpha] [2] cores=2"), 60); // core count 1 has finished there
        List<ProcessHandle> ssh = run.sshChildren();
        assertEquals(1, ssh.size(), "one ssh session: " + ssh);
        ssh.get(0).destroyForcibly();
        assertEquals(1, run.await(60), run.output());
        String resumeLine = run.awaitLine(l -> l.startsWith("[alpha] resume with: "), 5);
        assertTrue(run.output().contains("[alpha] connection lost"), run.output());
        assertEquals(List.of(), runningRemotely());
        String runId = resumeLine.substring(resumeLine.lastIndexOf(' ') + 1);
        Path remoteRun = remoteDir().resolve("results").resolve(runId);
        assertEquals(List.of("cores-1.json", "machine.json", "plan"), files(remoteRun));

        RemoteProcess resume = remote("--resume", "alpha", runId);
        assertEquals(0, resume.await(120), resume.output());
        assertTrue(resume.output().contains("[alpha] [2] cores=2"), resume.output());
        assertFalse(resume.output().contains("[alpha] [1] cores=1"), "core count 1 was kept: " + resume.output());
        assertEquals(List.of("cores-1.json", "cores-2.json", "machine.json", "plan"),
                files(work.resolve("results").resolve(runId)));
        assertTrue(Files.isRegularFile(work.resolve("charts").resolve(runId).resolve("report.md")));
        assertEquals(List.of(), runningRemotely());
    }

    @Test
    void aRefusedKeyOrAClosedPortIsOneLineAndTheOtherHostGoesOn() throws Exception {
        RemoteProcess run = remote("wrongkey,alpha,unreachable", "--cores", "1");
        assertEquals(1, run.await(120), run.output());
        List<String> wrong = run.output().lines().filter(l -> l.startsWith("[wrongkey]")).toList();
        assertEquals(1, wrong.size(), run.output());
        assertTrue(wrong.get(0).startsWith("[wrongkey] cannot reach it: ") && wrong.get(0).contains("Permission denied"),
                wrong.get(0));
        List<String> closed = run.output().lines().filter(l -> l.startsWith("[unreachable]")).toList();
        assertEquals(1, closed.size(), run.output());
        assertTrue(closed.get(0).contains("Connection refused"), closed.get(0));
        assertTrue(run.output().contains("remote: 1 of 3 hosts measured"), run.output());
        List<String> runs = files(work.resolve("results"));
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).endsWith("-alpha"));
        assertTrue(Files.isRegularFile(work.resolve("charts").resolve(runs.get(0)).resolve("report.md")));
        assertEquals(List.of(), runningRemotely());
    }

    @Test
    void aRunIdFromTheHostThatIsNotOneFolderNameIsRefusedAndNothingLocalIsRemoved() throws Exception {
        Path victim = Files.createDirectories(work.resolve("victim"));
        Files.writeString(victim.resolve("keep.txt"), "mine");
        Files.createDirectories(work.resolve("results"));
        for (String hostile : List.of("../victim", victim.toAbsolutePath().toString(), "..", ".")) {
            RemoteProcess run = remote("alpha", "--cores", "1", "--fake-run-id", hostile);
            assertEquals(1, run.await(120), run.output());
            assertTrue(run.output().contains("[alpha] refused the run id '" + hostile + "' that the sweep there printed"),
                    run.output());
            assertEquals("mine", Files.readString(victim.resolve("keep.txt")), hostile);
            assertEquals(List.of(), files(work.resolve("results")), hostile);
            assertTrue(Files.isDirectory(remoteDir()), hostile + " left the work folder alone");
        }
        assertEquals(List.of(), runningRemotely());
    }
}
