package org.concurrencybench.report;

import org.concurrencybench.report.compare.ComparisonSettings;
import org.concurrencybench.report.input.ReportException;
import org.concurrencybench.report.render.OutputFormat;
import org.concurrencybench.report.stats.PValueAdjustment;
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
 *      [--format md,html,csv,png,svg] [--confidence 0.95] [--adjust bh|holm] [--min-change 2]
 *      [--fit ols|relative]
 * ./run-benchmarks.sh report RUN_DIR... [--out DIR]
 * </pre>
 *
 * <p><b>One run folder</b> gives that run's report: {@code report.md}, a self-contained
 * {@code index.html}, {@code summary.csv}, {@code fits.csv}, and per workload the charts (PNG and SVG) of time,
 * speedup (with the ideal line and, for CPU-bound work, fitted Amdahl and USL curves), efficiency
 * (CPU-bound work only) and a bar chart at the most cores; convoy, capacity and skew charts when the
 * run has those scenarios. Default folder:
 * {@code charts/<run-id>}.
 *
 * <p><b>Several run folders</b> compare every run against the first (put the laptop first and the
 * server second, or the old JDK first): both machines' speedup curves per workload, per-model
 * a forest plot of every cell's time ratio B/A with its interval, a table with the ratio, exact
 * Mann-Whitney U p-values corrected by Benjamini-Hochberg ({@code --adjust holm} for Holm) and a
 * verdict per cell (faster, slower, no difference, too few samples to tell; {@code --min-change} is
 * the noise floor), what size of change the runs could detect, and whether the models rank alike;
 * {@code comparison.csv} holds the same per cell. Each run's own report goes into a sub-folder. Default folder: {@code charts/compare-<a>-vs-<b>}. Relative paths are relative to
 * the current directory.
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
                    + " Two or more: a comparison against the first.")
    List<Path> runDirectories;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder, created if needed. Default: charts/<run-id> for one run,"
                    + " charts/compare-<a>-vs-<b> for several (relative to the current directory).")
    Path out;

    @Option(names = {"-f", "--format"}, paramLabel = "LIST", defaultValue = "all",
            description = "Comma-separated files to write: md (report.md), html (index.html, charts inline), csv"
                    + " (summary.csv, fits.csv, comparison.csv), png, svg (chart files), or all. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-c", "--confidence"}, paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of every interval, between 0 and 1. Default: ${DEFAULT-VALUE}.")
    double confidence;

    @Option(names = "--adjust", paramLabel = "METHOD", defaultValue = "bh",
            description = "Comparisons: how p-values are corrected for testing many cells, bh (Benjamini-Hochberg,"
                    + " false discovery rate) or holm (Holm-Bonferroni, stricter). Default: ${DEFAULT-VALUE}.")
    String adjust;

    @Option(names = "--min-change", paramLabel = "PERCENT", defaultValue = ComparisonSettings.DEFAULT_MIN_CHANGE_PERCENT,
            description = "Comparisons: the noise floor; a significant change smaller than this many percent is"
                    + " reported as no difference. Default: ${DEFAULT-VALUE}, from an A/A pair made in rounds on a quiet"
                    + " 2-core VM (docs/report.md); runs made before rounds drift more and need about 6.")
    double minChangePercent;

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
        PValueAdjustment adjustment;
        ScalingFit.Residuals residuals;
        try {
            formats = OutputFormat.parseList(format);
            adjustment = PValueAdjustment.parse(adjust);
            residuals = ScalingFit.Residuals.parse(fit);
        } catch (ReportException | IllegalArgumentException e) {
            err.println("run-benchmarks.sh: " + (e.getMessage().startsWith("unknown adjustment") ? "--adjust: "
                    : e.getMessage().startsWith("unknown fit") ? "--fit: " : "") + e.getMessage());
            return 2; // wrong usage, like a bad --confidence
        }
        if (!(minChangePercent >= 0 && minChangePercent < 100)) {
            err.println("run-benchmarks.sh: --min-change must be a percentage from 0 to below 100, got " + minChangePercent);
            return 2;
        }
        ComparisonSettings settings = new ComparisonSettings(ComparisonSettings.ALPHA, adjustment,
                minChangePercent / 100, confidence);
        try {
            var runs = ReportGenerator.read(runDirectories);
            var rehearsal = runs.stream().filter(run -> run.machine().rehearsalRun()).findFirst();
            var measurement = runs.stream().filter(run -> !run.machine().rehearsalRun()).findFirst();
            if (rehearsal.isPresent() && measurement.isPresent()) {
                err.println("run-benchmarks.sh: cannot compare " + rehearsal.get().machine().runId() + ", a rehearsal"
                        + " (--rehearse: its numbers measure nothing), with " + measurement.get().machine().runId()
                        + ", a measurement; report each on its own");
                return 2;
            }
            Path target = out != null ? out : ReportGenerator.defaultOutput(runs);
            long started = System.nanoTime();
            new ReportGenerator(confidence, formats, settings, residuals).write(runs, target, warning -> err.println("warning: " + warning));
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
