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

    /** Cron, systemd and {@code env -i} start it without HOME. */
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

    /**
     * TMPDIR counts (the lock and the cache follow java.io.tmpdir, which nothing else sets), and
     * under LANG=C a non-ASCII path works rather than failing with a garbled InvalidPathException
     * (the JVM reads file names in the locale's charset). The script maps both.
     */
    @Test
    void mapsTmpdirAndAUtf8LocaleForTheJvm() throws Exception {
        Files.copy(Path.of("run-benchmarks.sh"), dir.resolve("run-benchmarks.sh"));
        Files.writeString(dir.resolve("benchmarks.jar"), "");
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                case "$*" in *XshowSettings*) echo "    java.specification.version = 21" >&2; exit 0;; esac
                echo "ran: $* LC_ALL=$LC_ALL"
                """);
        assertTrue(java.toFile().setExecutable(true));
        Process script = new ProcessBuilder("env", "LANG=C", "LC_ALL=C", "TMPDIR=" + dir, "JAVA_HOME="
                + dir.resolve("jdk"), "bash", dir.resolve("run-benchmarks.sh").toString(), "verify", "R")
                .redirectErrorStream(true).start();
        assertTrue(script.waitFor(1, TimeUnit.MINUTES));
        String output = new String(script.getInputStream().readAllBytes());
        assertEquals(0, script.exitValue(), output);
        assertTrue(output.contains("-Djava.io.tmpdir=" + dir + " "), output);
        boolean utf8Here = new String(new ProcessBuilder("locale", "-a").start().getInputStream().readAllBytes())
                .lines().anyMatch(l -> l.equalsIgnoreCase("C.UTF-8") || l.equalsIgnoreCase("C.utf8"));
        if (utf8Here) {
            assertTrue(output.contains("LC_ALL=C.UTF-8"), output);
        }
    }
}
