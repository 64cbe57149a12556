package org.concurrencybench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.concurrencybench.results.MachineInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remote} with the real bundle that {@code mvn package} wrote, against a real loopback
 * sshd ({@link LocalSshd}): a smoke sweep of one model on one workload at one core runs "there"
 * through the bundle's own script and JMH, comes back with its CPU layout in machine.json, and
 * gets its report here; nothing of it keeps running. An integration test (failsafe, after
 * {@code package}), kept to one small sweep.
 */
class RemoteIT {

    @TempDir
    Path work;

    private static Path archive() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> archives = files.filter(f -> f.getFileName().toString()
                    .matches("concurrency-bench-[^-]+(-SNAPSHOT)?\\.tar\\.gz")).toList();
            assertEquals(1, archives.size(), "one bundle in target/: " + archives);
            return archives.get(0).toAbsolutePath();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aSmokeSweepRunsThroughTheBundleOverSshAndComesBackReported() throws Exception {
        try (LocalSshd sshd = LocalSshd.start(Files.createDirectories(work.resolve("sshd")))) {
            Path remoteDir = work.resolve("remote-side");
            RemoteProcess run = RemoteProcess.start(sshd.path(), work, List.of("alpha", "--smoke", "--cores", "1",
                    "--models", "SEQUENTIAL", "--workloads", "CPU", "--spread", "NONE", "--no-python",
                    "--bundle", archive().toString(), "--remote-dir", remoteDir.toString(),
                    "--results", work.resolve("results").toString(), "--charts", work.resolve("charts").toString()));
            assertEquals(0, run.await(280), run.output());
            String line = run.awaitLine(l -> l.startsWith("[alpha] fetched "), 1);
            Path fetched = Path.of(line.substring("[alpha] fetched ".length()));
            assertTrue(Files.isRegularFile(fetched.resolve("cores-1.json")), run.output());
            MachineInfo machine = MachineInfo.read(fetched.resolve("machine.json"));
            assertEquals("1", machine.pinning().cpuLayout().coreCounts().get("1").label());
            assertTrue(Files.isRegularFile(work.resolve("charts").resolve(fetched.getFileName()).resolve("report.md")));
            assertEquals(List.of(), org.concurrencybench.Leftovers.naming(remoteDir.toString(), java.time.Duration.ofSeconds(10)),
                    "still running on the remote side");
        }
    }
}
