package org.concurrencybench.sweep.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A short child process the sweep waits for (a probe, a check of the user's module), with a
 * deadline that fires whatever the child prints: its output goes to a file, not a pipe the sweep
 * would have to drain first, so a child that hangs while holding its output open (a module that
 * sleeps at import, a wrapper around a stuck interpreter) is ended with everything it started when
 * the time is up. A shutdown hook ends it too if the sweep itself is stopped meanwhile (Ctrl-C,
 * SIGTERM), so no such child outlives the sweep.
 */
public final class BoundedCommand {

    /**
     * How the command ended.
     *
     * @param exitCode its exit status; null when it ran past the deadline and was ended
     * @param output   its standard output and error together
     */
    public record Ended(Integer exitCode, String output) {
        public boolean timedOut() {
            return exitCode == null;
        }
    }

    private BoundedCommand() {
    }

    /**
     * Runs {@code command} in {@code dir} (null: the current folder) with nothing on its standard
     * input, for at most {@code timeoutSeconds}.
     *
     * @throws IOException if it cannot be started or its output cannot be read
     */
    public static Ended run(List<String> command, Path dir, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("concurrencybench-child", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            Thread reaper = new Thread(() -> killTree(process), "bounded-command-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            try {
                process.getOutputStream().close();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    killTree(process);
                    return new Ended(null, new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
                }
                return new Ended(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
            } finally {
                killTree(process); // also when interrupted: nothing it started is left behind
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, or ran, and ends the child
                }
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
