package org.concurrencybench.report;

import org.concurrencybench.report.compare.ComparisonSettings;
import org.concurrencybench.report.input.ReportException;
import org.concurrencybench.report.render.OutputFormat;
import org.concurrencybench.report.stats.ScalingFit;

import org.concurrencybench.results.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The report command: reads one or more run folders written by the sweep and writes the report.
 *
 * <pre>
 * java -cp target/benchmarks.jar org.concurrencybench.report.ReportCommand RUN_DIR... [--out DIR]
 *      [--format md,html,csv,png,svg] [--confidence 0.95] [--min-change 2] [--run-noise 0.7]
 *      [--fit ols|relative]
 * ./run-benchmarks.sh report RUN_DIR... [--out DIR]
 * ./run-benchmarks.sh report A1,A2,A3 B1,B2,B3 [--out DIR]
 * </pre>
 *
 * <p><b>One run folder</b> gives that run's report: {@code report.md}, a self-contained
 * {@code index.html}, {@code summary.csv}, {@code fits.csv}, and per workload the charts (PNG and SVG) of time,
 * speedup (with the ideal line and, for CPU-bound work, fitted Amdahl and USL curves), efficiency
 * (CPU-bound work only) and a bar chart at the most cores; convoy, capacity and skew charts when the
 * run has those scenarios. Default folder:
 * {@code charts/<run-id>}.
 *
 * <p><b>Several run folders</b> compare every side against the first (put the laptop first and
 * the server second, or the old JDK first). A side is one run folder, or several of the same
 * settings joined by commas ({@code A1,A2,A3}), made apart: then runs are the replicates and the
 * run-level variance is measured. Per workload: both machines' speedup curves, a forest plot of
 * every cell's time ratio B/A with its interval (run level included, adjusted for the number of
 * cells), a table with the ratio and the answer per cell (slower, faster, the same, or we cannot
 * tell and why; {@code --min-change} is the noise floor, {@code --run-noise} the run-level term for
 * sides of one run), the smallest change each cell would call, and whether the models rank alike;
 * {@code comparison.csv} holds the same per cell. Each run's own report goes into a sub-folder.
 * Default folder: {@code charts/compare-<a>-vs-<b>}. Relative paths are relative to the current
 * directory.
 *
 * <p><b>Exit codes</b>: 0 written (warnings, e.g. a run without a SEQUENTIAL baseline, are printed
 * on standard error and in the report, which then leaves out speedups); 1 a results file is
 * missing, empty, truncated or damaged, or the output cannot be written (one line naming the file
 * and the problem); 2 wrong usage.
 *
 * <p>Runs headless: {@link #main} sets {@code java.awt.headless=true}, so no display is needed.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, version = "concurrency-models-bench report",
        description = "Writes the report (Markdown, HTML, CSV, PNG and SVG charts) of one run folder, or compares"
            + " several: each run against the first (e.g. the laptop first, then the server).",
        footer = {"", "Exit codes: 0 written (warnings on stderr), 1 a results file is missing or damaged or the"
            + " output cannot be written, 2 wrong usage."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR",
            description = "Run folders written by the sweep (results/<run-id>, holding " + RunFolder.MACHINE + " and "
                    + RunFolder.CORES_FILES + ")."
                    + " Two or more: a comparison against the first. Several runs of one side (same settings,"
                    + " made apart) joined by commas, A1,A2,A3: they measure the run-to-run variation.")
    List<String> runDirectories;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder, created if needed. Default: charts/<run-id> for one run,"
                    + " charts/compare-<a>-vs-<b> for several, charts/compare-<a1>+N-vs-<b1>-<hash> where a side has"
                    + " several runs (relative to the current directory).")
    Path out;

    @Option(names = {"-f", "--format"}, paramLabel = "LIST", defaultValue = "all",
            description = "Comma-separated files to write: md (report.md), html (index.html, charts inline), csv"
                    + " (summary.csv, fits.csv, comparison.csv), png, svg (chart files), or all. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-c", "--confidence"}, paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of every interval, between 0 and 1. Default: ${DEFAULT-VALUE}.")
    double confidence;

    @Option(names = "--min-change", paramLabel = "PERCENT", defaultValue = ComparisonSettings.DEFAULT_MIN_CHANGE_PERCENT,
            description = "Comparisons: the noise floor; a cell is slower or faster only when its whole interval lies"
                    + " beyond this many percent, the same only when it lies within. Default: ${DEFAULT-VALUE}"
                    + " (docs/report.md).")
    double minChangePercent;

    @Option(names = "--run-noise", paramLabel = "PERCENT",
            description = "Comparisons: the run-to-run standard deviation of a cell's time on your machine, in"
                    + " percent, added to every interval. Default: measured where a side has several runs, else "
                    + ComparisonSettings.DEFAULT_RUN_NOISE_PERCENT + " (same-settings runs of a quiet 2-core VM,"
                    + " docs/report.md).")
    Double runNoisePercent;

    @Option(names = "--fit", paramLabel = "RESIDUALS", defaultValue = "ols",
            description = "Scaling fits: ols (least squares on throughput, as R's usl package) or relative"
                    + " (residuals relative to throughput). Default: ${DEFAULT-VALUE}.")
    String fit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new ReportCommand());
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("run-benchmarks.sh: " + e.getMessage() + " (see ./run-benchmarks.sh report -h)");
            return 2;
        });
        System.exit(commandLine.execute(args));
    }

    /** One side of the command line: a run folder, or several joined by commas. */
    static List<Path> side(String argument) {
        List<String> parts = List.of(argument.split(",", -1));
        return parts.stream().anyMatch(String::isBlank) ? List.of() : parts.stream().map(Path::of).toList();
    }

    @Override
    public Integer call() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // also when called without main()
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!(confidence > 0 && confidence < 1)) {
            err.println("run-benchmarks.sh: --confidence must be between 0 and 1, got " + confidence);
            return 2;
        }
        java.util.Set<OutputFormat> formats;
        ScalingFit.Residuals residuals;
        try {
            formats = OutputFormat.parseList(format);
            residuals = ScalingFit.Residuals.parse(fit);
        } catch (ReportException | IllegalArgumentException e) {
            err.println("run-benchmarks.sh: " + (e.getMessage().startsWith("unknown fit") ? "--fit: " : "") + e.getMessage());
            return 2; // wrong usage, like a bad --confidence
        }
        if (!(minChangePercent >= 0 && minChangePercent < 100)) {
            err.println("run-benchmarks.sh: --min-change must be a percentage from 0 to below 100, got " + minChangePercent);
            return 2;
        }
        if (runNoisePercent != null && !(runNoisePercent >= 0 && runNoisePercent < 100)) {
            err.println("run-benchmarks.sh: --run-noise must be a percentage from 0 to below 100, got " + runNoisePercent);
            return 2;
        }
        ComparisonSettings settings = new ComparisonSettings(confidence, minChangePercent / 100,
                runNoisePercent == null ? Double.NaN : runNoisePercent / 100);
        List<List<Path>> sides = runDirectories.stream().map(ReportCommand::side).toList();
        if (sides.stream().anyMatch(List::isEmpty)) {
            err.println("run-benchmarks.sh: RUN_DIR: an empty run folder name between commas in " + runDirectories);
            return 2;
        }
        try {
            var runs = sides.stream().map(ReportGenerator::read).toList();
            var all = runs.stream().flatMap(List::stream).toList();
            var rehearsal = all.stream().filter(run -> run.machine().rehearsalRun()).findFirst();
            var measurement = all.stream().filter(run -> !run.machine().rehearsalRun()).findFirst();
            if (rehearsal.isPresent() && measurement.isPresent()) {
                err.println("run-benchmarks.sh: cannot compare " + rehearsal.get().machine().runId() + ", a rehearsal"
                        + " (--rehearse: its numbers measure nothing), with " + measurement.get().machine().runId()
                        + ", a measurement; report each on its own");
                return 2;
            }
            Path target = out != null ? out : ReportGenerator.defaultOutputOfSides(runs);
            long started = System.nanoTime();
            new ReportGenerator(confidence, formats, settings, residuals).writeSides(runs, target,
                    warning -> err.println("warning: " + warning));
            spec.commandLine().getOut().printf("report written to %s (%.1f s)%n", target.toAbsolutePath().normalize(),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (ReportException e) {
            err.println("run-benchmarks.sh: " + e.getMessage());
            return 1;
        } catch (RuntimeException bug) {
            // Still one line for the user; -Dreport.debug=true shows where it happened.
            err.println("run-benchmarks.sh: the report failed unexpectedly (" + bug + "); rerun with -Dreport.debug=true for details");
            if (Boolean.getBoolean("report.debug")) {
                bug.printStackTrace(err);
            }
            return 1;
        }
    }
}
