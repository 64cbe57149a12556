package org.concurrencybench.sweep;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.concurrencybench.results.RunFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./run-benchmarks.sh verify RUN_DIR}: checks a run folder against its own plan (see
 * {@link RunCheck}) and prints one line per problem, then the summary. CI runs it on its smoke
 * sweep; anyone can run it on a folder they were sent.
 */
@Command(name = "run-benchmarks.sh verify", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {"Checks that every core count and cell a run planned has a state (measured, FAILED or SKIPPED),"
            + " that none failed, and that no measured number is physically impossible (a SLEEP batch shorter than"
            + " its sleeps, fewer samples than the profile takes, a time of zero)."},
        footer = {"", "Exit codes: 0 every cell measured or skipped, and plausible; 1 the folder cannot be read;"
            + " 2 wrong usage; 3 a core count or cell is missing or failed, or a number is impossible."})
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by the sweep (results/<run-id>).")
    Path runDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new VerifyCommand());
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("run-benchmarks.sh verify: " + e.getMessage()
                    + " (see ./run-benchmarks.sh verify -h)");
            return SweepCommand.USAGE;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        RunFolder folder = new RunFolder(runDir);
        try {
            if (!RunCheck.isRunFolder(folder)) {
                err.println("run-benchmarks.sh verify: no " + RunFolder.MACHINE + " in " + runDir
                        + "; is it a run folder (results/<run-id>)?");
                return SweepCommand.ERROR;
            }
            RunCheck.Summary summary = RunCheck.check(folder);
            summary.problems().forEach(problem -> out.println(runDir + ": " + problem));
            out.println(runDir + ": " + summary.line());
            return summary.clean() ? SweepCommand.OK : SweepCommand.CELLS_FAILED;
        } catch (Exception e) {
            err.println("run-benchmarks.sh verify: " + ErrorLine.of(e));
            return SweepCommand.ERROR;
        }
    }
}
