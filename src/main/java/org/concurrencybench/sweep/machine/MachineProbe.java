package org.concurrencybench.sweep.machine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.results.SuiteBuild;

/**
 * Reads the facts the run's machine file records about the machine this JVM runs on (besides
 * {@link MachineState}'s, from OSHI): memory, OS and kernel, the JDK, the host name, the suite's git commit. Each falls back to
 * {@code "unknown"} rather than failing a sweep.
 */
public final class MachineProbe {

    private MachineProbe() {
    }

    public static long memoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }

    /**
     * The commit of the code that runs: the one the jar was built from ({@link SuiteBuild}, which
     * an unpacked bundle keeps too), else {@code git describe --always --dirty} of the suite's
     * checkout (a jar built without git beside a checkout), else "unknown".
     */
    public static String suiteCommit(Path suiteDir) {
        return suiteCommit(SuiteBuild.ofThisJar(), suiteDir);
    }

    public static String suiteCommit(SuiteBuild build, Path suiteDir) {
        if (build.commit() != null) {
            return build.commit();
        }
        String described = command(List.of("git", "describe", "--always", "--dirty", "--abbrev=12"), suiteDir);
        return described == null || described.isBlank() ? "unknown" : described.trim();
    }

    /** Runs a short command and returns its output, or null if it cannot run, fails or takes over 10 s. */
    public static String command(List<String> command, Path dir) {
        try {
            BoundedCommand.Ended ended = BoundedCommand.run(command, dir, 10);
            return Integer.valueOf(0).equals(ended.exitCode()) ? ended.output() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
