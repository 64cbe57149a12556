package org.concurrencybench.remote;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The system's {@code ssh} and {@code scp}, found on the {@code PATH} as a shell would find them,
 * so that {@code ~/.ssh/config}, agents, jump hosts and a user's wrappers work as they do for the
 * user. Every call is non-interactive ({@code BatchMode}: a host that wants a password or an
 * unknown host key fails at once instead of waiting for a prompt no one sees) and notices a dead
 * connection within about 15 s ({@code ServerAliveInterval}).
 *
 * <p>Why a class: the {@code PATH} is the one the command was given (the tests put wrappers
 * that add {@code -F} first), and Java's {@link ProcessBuilder} would look commands up on its
 * own process's {@code PATH} instead.
 */
final class SshTools {

    /** Options for every ssh and scp: no prompts, a bounded connect, dead connections noticed. */
    static final List<String> OPTIONS = List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=15",
            "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3");

    private final Map<String, String> environment;
    private final String ssh;
    private final String scp;

    SshTools(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.ssh = find("ssh");
        this.scp = find("scp");
    }

    private String find(String tool) {
        String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("no " + tool + " on the PATH; install OpenSSH's client (e.g. 'apt-get install"
                + " openssh-client')");
    }

    /** {@code ssh HOST COMMAND}: COMMAND is one line for the remote shell (quote its words with {@link #quote}). */
    ProcessBuilder ssh(String host, String command) {
        List<String> line = new ArrayList<>(List.of(ssh));
        line.addAll(OPTIONS);
        line.addAll(List.of("--", host, command));
        return builder(line);
    }

    /** {@code scp -q [-r] FROM... TO} (remote paths as HOST:PATH). */
    ProcessBuilder scp(boolean recursive, List<String> from, String to) {
        List<String> line = new ArrayList<>(List.of(scp, "-q"));
        if (recursive) {
            line.add("-r");
        }
        line.addAll(OPTIONS);
        line.addAll(from);
        line.add(to);
        return builder(line);
    }

    private ProcessBuilder builder(List<String> line) {
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * A finished command: its exit code and output (stdout and stderr together), and whether it was
     * stopped because its watchdog said so.
     */
    record Result(int exitCode, String output, boolean aborted) {
        Result(int exitCode, String output) {
            this(exitCode, output, false);
        }

        /** The output's last non-blank line, for a one-line error. */
        String lastLine() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).trim();
        }
    }

    /** Runs {@code builder} to the end (at most {@code timeoutSeconds}, then it is killed: exit code -1). */
    static Result run(ProcessBuilder builder, long timeoutSeconds) throws IOException, InterruptedException {
        return run(builder, timeoutSeconds, () -> false);
    }

    /**
     * Runs {@code builder} to the end, as {@link #run(ProcessBuilder, long)}, and also kills it
     * (exit code -1, {@code aborted}) as soon as {@code stop} says so (asked twice a second).
     */
    static Result run(ProcessBuilder builder, long timeoutSeconds, BooleanSupplier stop)
            throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().close();
        return awaitEnd(process, timeoutSeconds, stop);
    }

    /**
     * Waits for a started {@code process} (its input already written and closed) as
     * {@link #run(ProcessBuilder, long, BooleanSupplier)} does: its output is read on another
     * thread, so a deadline fires whatever it prints or holds open.
     */
    static Result awaitEnd(Process process, long timeoutSeconds, BooleanSupplier stop) throws InterruptedException {
        byte[][] output = new byte[1][];
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                output[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = new byte[0];
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean aborted = false;
        while (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
            aborted = stop.getAsBoolean();
            if (aborted || System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                reader.join();
                return new Result(-1, new String(output[0], StandardCharsets.UTF_8)
                        + (aborted ? "\n(stopped)" : "\n(timed out after " + timeoutSeconds + " s)"), aborted);
            }
        }
        reader.join();
        return new Result(process.exitValue(), new String(output[0], StandardCharsets.UTF_8));
    }

    /** One word for a POSIX shell, single-quoted. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** Words for a POSIX shell, each quoted, joined by spaces. */
    static String quote(List<String> words) {
        return String.join(" ", words.stream().map(SshTools::quote).toList());
    }
}
