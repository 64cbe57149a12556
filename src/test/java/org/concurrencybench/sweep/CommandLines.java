package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.CpuTopology;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine;

/** The sweep's settings as a command line resolves them, on a made-up machine of four CPUs. */
public final class CommandLines {

    /** Four CPUs, each its own core (no sysfs topology to read). */
    static final CpuTopology FOUR_CPUS = CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0, 1, 2, 3)));

    private CommandLines() {
    }

    /** The settings of {@code ./run-benchmarks.sh ARGS} (a new run, or {@code --resume}) on {@link #FOUR_CPUS}. */
    public static SweepSettings resolve(String... args) {
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs(args);
        return command.resume == null ? SweepSettings.resolve(command.request(), FOUR_CPUS)
                : SweepSettings.resume(command.request(), FOUR_CPUS);
    }
}
