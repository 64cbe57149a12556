package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run-benchmarks.sh itself, laid out as an unpacked bundle (the script beside a jar, no pom.xml)
 * with a stand-in JDK 21 that prints what it was asked to run.
 */
class RunScriptIT {

    @TempDir
    Path dir;

    /** Issue 21, defect 3: cron, systemd and {@code env -i} start it without HOME. */
    @Test
    void runsWithoutHome() throws Exception {
        Files.copy(Path.of("run-benchmarks.sh"), dir.resolve("run-benchmarks.sh"));
        Files.writeString(dir.resolve("benchmarks.jar"), "");
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                case "$*" in *XshowSettings*) echo "    java.specification.version = 21" >&2; exit 0;; esac
                echo "ran: $*"
                """);
        assertTrue(java.toFile().setExecutable(true));
        Process script = new ProcessBuilder("env", "-u", "HOME", "JAVA_HOME=" + dir.resolve("jdk"), "bash",
                dir.resolve("run-benchmarks.sh").toString(), "verify", "R").redirectErrorStream(true).start();
        assertTrue(script.waitFor(1, TimeUnit.MINUTES));
        String output = new String(script.getInputStream().readAllBytes());
        assertEquals(0, script.exitValue(), output);
        assertTrue(output.contains("org.concurrencybench.sweep.VerifyCommand R"), output);
    }
}
