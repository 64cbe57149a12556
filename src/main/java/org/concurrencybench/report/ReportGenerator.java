package org.concurrencybench.report;

import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.compare.ComparisonSettings;
import org.concurrencybench.report.compare.RunComparison;
import org.concurrencybench.report.input.ReportException;
import org.concurrencybench.report.input.RunNames;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.HtmlRenderer;
import org.concurrencybench.report.render.MarkdownRenderer;
import org.concurrencybench.report.render.OutputFiles;
import org.concurrencybench.report.render.OutputFormat;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.sections.compare.ComparisonReport;
import org.concurrencybench.report.sections.RunReport;
import org.concurrencybench.report.sections.SummaryCsv;
import org.concurrencybench.report.stats.ScalingFit;

import org.concurrencybench.results.SafeName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Reads run folders and writes the report files: for one run its report; for several a
 * comparison against the first plus each run's own report in a sub-folder. Warnings (such as a
 * missing SEQUENTIAL baseline) go to {@code warnings} and into the report; errors are
 * {@link ReportException}s.
 */
public final class ReportGenerator {

    private final double level;
    private final Set<OutputFormat> formats;
    private final ComparisonSettings comparison;
    private final ScalingFit.Residuals fitResiduals;

    /** Default comparison settings and least-squares fits. */
    public ReportGenerator(double level, Set<OutputFormat> formats) {
        this(level, formats, ComparisonSettings.defaults(level), ScalingFit.Residuals.ABSOLUTE);
    }

    public ReportGenerator(double level, Set<OutputFormat> formats, ComparisonSettings comparison,
            ScalingFit.Residuals fitResiduals) {
        this.level = level;
        this.formats = formats;
        this.comparison = comparison;
        this.fitResiduals = fitResiduals;
    }

    /**
     * The default output folder of runs, each its own side: see {@link #defaultOutputOfSides}.
     */
    public static Path defaultOutput(List<RunResults> runs) {
        return defaultOutputOfSides(runs.stream().map(List::of).toList());
    }

    /**
     * The default output folder: {@code charts/<run-id>} for one run; for two sides
     * {@code charts/compare-<a>-vs-<b>}, where a side of several runs reads {@code <first>+<N>} (its
     * first run and how many more) followed by a short hash of every run id, since the count alone
     * would name two different sets alike; for more sides {@code charts/compare-<a>+<N>-<hash>} (the
     * first run, how many others). Every name is one safe path element of bounded length.
     */
    public static Path defaultOutputOfSides(List<List<RunResults>> sides) {
        List<RunResults> runs = sides.stream().flatMap(List::stream).toList();
        if (runs.size() == 1) {
            return Path.of("charts", RunNames.folderOf(runs.get(0)));
        }
        String hash = SafeName.shortHash(String.join("\n", runs.stream().map(RunResults::runId).toList()));
        String name;
        if (sides.size() == 2) {
            List<String> named = sides.stream().map(side -> RunNames.folderOf(side.get(0))
                    + (side.size() > 1 ? "+" + (side.size() - 1) : "")).toList();
            boolean several = sides.stream().anyMatch(side -> side.size() > 1);
            name = "compare-" + String.join("-vs-", named) + (several ? "-" + hash : "");
        } else {
            name = "compare-" + RunNames.folderOf(runs.get(0)) + "+" + (runs.size() - 1) + "-" + hash;
        }
        return Path.of("charts", SafeName.bounded(name, name + hash, SafeName.MAX_LENGTH + 20));
    }

    /**
     * The sweep's way in: one run's report, every format, at the default confidence level. A
     * {@link ReportException} says in one line what could not be read or written.
     */
    public static void writeRunReport(Path runDirectory, Path out, Consumer<String> warnings) {
        new ReportGenerator(DEFAULT_CONFIDENCE, java.util.EnumSet.allOf(OutputFormat.class))
                .write(read(List.of(runDirectory)), out, warnings);
    }

    /** The confidence level of every interval unless {@code --confidence} says otherwise. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    public static List<RunResults> read(List<Path> runDirectories) {
        return runDirectories.stream().map(RunReader::read).toList();
    }

    public void write(List<RunResults> runs, Path out, Consumer<String> warnings) {
        writeSides(runs.stream().map(List::of).toList(), out, warnings);
    }

    /**
     * Sides of one run or several (the same settings, made apart): with one side of one run, that
     * run's report; else each side against the first, the runs of a side its replicates.
     */
    public void writeSides(List<List<RunResults>> sides, Path out, Consumer<String> warnings) {
        try (ExecutorService drawing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            write(sides, out, warnings, drawing);
        }
    }

    private void write(List<List<RunResults>> sides, Path out, Consumer<String> warnings, ExecutorService drawing) {
        ScalingAnalysis analysis = new ScalingAnalysis(level, fitResiduals);
        List<RunResults> runs = sides.stream().flatMap(List::stream).toList();
        List<List<WorkloadScaling>> scalings = new ArrayList<>();
        List<List<String>> runWarnings = new ArrayList<>();
        for (RunResults run : runs) {
            List<String> collected = new ArrayList<>();
            scalings.add(analysis.analyse(run, collected::add));
            runWarnings.add(collected);
            collected.forEach(warnings);
        }
        if (runs.size() == 1) {
            writeRun(runs.get(0), scalings.get(0), runWarnings.get(0), out, drawing);
            return;
        }
        List<List<List<WorkloadScaling>>> sideScalings = new ArrayList<>();
        List<RunResults> firsts = new ArrayList<>();
        int next = 0;
        for (List<RunResults> side : sides) {
            sideScalings.add(scalings.subList(next, next + side.size()));
            firsts.add(side.get(0));
            next += side.size();
        }
        List<String> names = sideNames(sides);
        List<String> sameRun = sameRunWarnings(runs, RunNames.of(runs));
        sameRun.forEach(warnings);
        List<RunComparison> comparisons = new ArrayList<>();
        for (int i = 1; i < sides.size(); i++) {
            comparisons.add(RunComparison.ofRuns(names.get(0), sideScalings.get(0), names.get(i), sideScalings.get(i),
                    comparison));
        }
        createDirectories(out);
        List<String> allWarnings = new ArrayList<>(sameRun);
        runWarnings.forEach(allWarnings::addAll);
        ReportDocument document = ComparisonReport.build(firsts, runs,
                sideScalings.stream().map(side -> side.get(0)).toList(), comparisons, level, allWarnings,
                new ChartSink(out, formats, drawing));
        writeDocument(document, out);
        if (formats.contains(OutputFormat.CSV)) {
            writeText(out.resolve("summary.csv"), SummaryCsv.cells(runs, scalings));
            writeText(out.resolve("comparison.csv"), SummaryCsv.comparisons(comparisons));
        }
        for (int i = 0; i < runs.size(); i++) {
            Path folder = out.resolve(RunNames.folderOf(runs.get(i)));
            if (Files.isSymbolicLink(folder)) {
                // The report writes no file through a link: this one could lead anywhere outside --out.
                throw new ReportException(folder + ": a link, where the report writes " + runs.get(i).runId()
                        + "'s own report; remove it (the report writes no file through a link)");
            }
            writeRun(runs.get(i), scalings.get(i), runWarnings.get(i), folder, drawing);
        }
    }

    /** A side's name: its run's, or for several runs the first's with their count ("laptop +2 runs"). */
    static List<String> sideNames(List<List<RunResults>> sides) {
        List<String> firstNames = RunNames.of(sides.stream().map(side -> side.get(0)).toList());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            int more = sides.get(i).size() - 1;
            names.add(more == 0 ? firstNames.get(i) : firstNames.get(i) + " +" + more + (more == 1 ? " run" : " runs"));
        }
        return names;
    }

    /**
     * One warning per run that is the first run again (the same folder, or the same run id and start):
     * such a comparison finds "no difference" by construction, which says nothing about two machines.
     */
    static List<String> sameRunWarnings(List<RunResults> runs, List<String> names) {
        List<String> lines = new ArrayList<>();
        RunResults first = runs.get(0);
        for (int i = 1; i < runs.size(); i++) {
            RunResults other = runs.get(i);
            boolean sameFolder = realPath(other.directory()).equals(realPath(first.directory()));
            boolean sameRun = other.runId().equals(first.runId())
                    && java.util.Objects.equals(other.machine().startedAt(), first.machine().startedAt());
            if (sameFolder || sameRun) {
                lines.add(names.get(i) + " is the same run as " + names.get(0) + " (" + (sameFolder ? "the same folder, "
                        + first.directory() : "the same run id and start") + "): comparing a run with itself finds"
                        + " no difference by construction");
            }
        }
        return lines;
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    private void writeRun(RunResults run, List<WorkloadScaling> scaling, List<String> warnings, Path out,
            ExecutorService drawing) {
        createDirectories(out);
        ReportDocument document = RunReport.build(run, scaling, level, warnings, new ChartSink(out, formats, drawing));
        writeDocument(document, out);
        if (formats.contains(OutputFormat.CSV)) {
            writeText(out.resolve("summary.csv"), SummaryCsv.cells(List.of(run), List.of(scaling)));
            writeText(out.resolve("fits.csv"), SummaryCsv.fits(scaling));
        }
    }

    /** Writes the document's files once its charts are drawn (a drawing error surfaces here). */
    private void writeDocument(ReportDocument document, Path out) {
        document.blocks().stream().filter(ReportDocument.Figure.class::isInstance)
                .forEach(figure -> ((ReportDocument.Figure) figure).picture());
        if (formats.contains(OutputFormat.MD)) {
            writeText(out.resolve("report.md"), MarkdownRenderer.render(document));
        }
        if (formats.contains(OutputFormat.HTML)) {
            writeText(out.resolve("index.html"), HtmlRenderer.render(document));
        }
    }

    private static void createDirectories(Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new ReportException(out + ": cannot create the output folder (" + e.getMessage() + ")");
        }
    }

    private static void writeText(Path file, String text) {
        OutputFiles.writeText(file, text);
    }
}
