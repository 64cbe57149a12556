package org.concurrencybench.sweep.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The open-file limit ({@code RLIMIT_NOFILE}) the benchmarks run under, soft and hard, read from
 * Linux's {@code /proc/self/limits}. It bounds how many loopback connections a capacity batch may
 * hold (each takes two descriptors), so the sweep plans against it and records it in
 * the run's machine file; {@code run-benchmarks.sh} raises the soft limit to the hard one first.
 *
 * @param soft the limit in force now
 * @param hard the most it may be raised to
 */
public record OpenFiles(long soft, long hard) {

    private static final Pattern LINE = Pattern.compile("^Max open files\\s+(\\S+)\\s+(\\S+)", Pattern.MULTILINE);

    /** This process's limits; null where the system does not say (not Linux). */
    public static OpenFiles ofThisProcess() {
        try {
            return parse(Files.readString(Path.of("/proc/self/limits")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The limits in a {@code /proc/PID/limits} text; "unlimited" reads as {@link Long#MAX_VALUE}. */
    public static OpenFiles parse(String limits) {
        Matcher line = LINE.matcher(limits);
        if (!line.find()) {
            throw new IllegalArgumentException("no 'Max open files' line");
        }
        return new OpenFiles(value(line.group(1)), value(line.group(2)));
    }

    /** How many descriptors this JVM holds now: about what a benchmark's JVM holds before its batch. */
    public static int heldByThisProcess() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException | RuntimeException e) {
            return 64;
        }
    }

    private static long value(String text) {
        return text.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(text);
    }
}
