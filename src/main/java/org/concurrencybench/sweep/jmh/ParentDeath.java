package org.concurrencybench.sweep.jmh;

import org.concurrencybench.sweep.machine.MachineProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ties a child's life to its parent's on Linux: {@code setpriv --pdeathsig KILL} (util-linux)
 * asks the kernel to kill the child when the parent dies, however it dies, {@code kill -9}
 * included. The sweep starts JMH so, and JMH starts its forks through a small script that does the
 * same, so nothing outlives a killed sweep. Where {@code setpriv} is missing (macOS) the sweep
 * still stops its children on an orderly exit.
 */
public final class ParentDeath {

    /** The command prefix that gives a child the parent-death signal. */
    public static final List<String> PREFIX = List.of("setpriv", "--pdeathsig", "KILL");

    private static final boolean AVAILABLE = MachineProbe.command(
            List.of("setpriv", "--pdeathsig", "KILL", "true"), null) != null;

    private ParentDeath() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * Writes {@code dir/fork-java}, a script JMH can take as its {@code -jvm}: it starts
     * {@code javaBinary} with the parent-death signal, so a fork dies with its JMH host.
     */
    static Path writeLauncher(Path dir, String javaBinary) {
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("fork-java");
            Files.writeString(script, "#!/bin/sh\n# Starts a JMH fork that dies with its JMH host (written by the sweep).\n"
                    + "exec " + String.join(" ", PREFIX) + " '" + javaBinary.replace("'", "'\\''") + "' \"$@\"\n");
            if (!script.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + script + " executable");
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
