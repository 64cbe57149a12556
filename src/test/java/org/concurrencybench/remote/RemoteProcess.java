package org.concurrencybench.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code remote} run as a user runs it, in a JVM of its own with the test's classpath and a
 * {@code PATH} whose ssh and scp reach {@link LocalSshd}: so that the tests can press Ctrl-C
 * (SIGINT to that JVM) and kill its ssh connection, and read its output line by line as it comes.
 */
final class RemoteProcess {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private RemoteProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().start(this::read);
    }

    /**
     * A Ctrl-C must reach the command even where the tests themselves run with SIGINT ignored (a job
     * started in the background by a non-interactive shell, as CI may do): an ignored signal is
     * inherited, and a JVM that starts with it ignored installs no handler. coreutils' env puts it back.
     */
    private static final List<String> DEFAULT_SIGINT = defaultSigint();

    private static List<String> defaultSigint() {
        List<String> env = List.of("/usr/bin/env", "--default-signal=INT");
        try {
            List<String> probe = new ArrayList<>(env);
            probe.add("true");
            return new ProcessBuilder(probe).start().waitFor() == 0 ? env : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static RemoteProcess start(String path, Path workDir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(DEFAULT_SIGINT);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                RemoteCommand.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        process.getOutputStream().close();
        return new RemoteProcess(process);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits (up to {@code seconds}) for a line that matches. */
    String awaitLine(Predicate<String> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new AssertionError("no such line in:\n" + String.join("\n", lines));
                }
                lines.wait(Math.min(left, 200));
            }
        }
    }

    /** Waits for the end; returns the exit code. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("remote did not finish in " + seconds + " s:\n" + output());
        }
        reader.join();
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Ctrl-C: SIGINT to the remote command's JVM. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    }

    /** The ssh processes it started (its children). */
    List<ProcessHandle> sshChildren() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/ssh")).orElse(false)).toList();
    }
}
