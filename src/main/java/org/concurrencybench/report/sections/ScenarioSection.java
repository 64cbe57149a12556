package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.CapacityResults;
import org.concurrencybench.report.analysis.ConvoyResults;
import org.concurrencybench.report.analysis.JvmStartResults;
import org.concurrencybench.report.charts.ScenarioCharts;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.stats.SampleStats;


import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencybench.results.Outcome;

/**
 * The convoy, capacity and JVM start-up parts of a run's report, each present only when the run has
 * them. The convoy's finding per series is said from its own figures, naming any figure too wide
 * to rely on.
 */
final class ScenarioSection {

    private ScenarioSection() {
    }

    static void addConvoy(ReportDocument document, ConvoyResults convoy, String runName, ChartSink charts) {
        document.heading(2, "Convoy effect");
        document.paragraph("I/O round trips per second of one I/O-bound thread beside CPU-bound neighbours, at "
                + Numbers.cores(convoy.cores()) + ". Under a GIL each return from I/O must win the lock back from a CPU-bound"
                + " thread, which can cost a whole switch interval each time; below, what a round trip took.");
        document.bullets(convoyFindings(convoy));
        document.figure(charts.add(ScenarioCharts.convoy(convoy, runName)));
        List<Integer> threads = convoy.points().stream().map(ConvoyResults.Point::cpuThreads).distinct().sorted().toList();
        List<List<String>> rows = new ArrayList<>();
        for (String series : convoy.seriesNames()) {
            List<String> row = new ArrayList<>(List.of(series));
            for (int k : threads) {
                row.add(convoy.points().stream().filter(p -> p.series().equals(series) && p.cpuThreads() == k)
                        .findFirst().map(point -> {
                            SampleStats stats = point.roundTripsPerSecond();
                            return Numbers.withInterval(stats.mean(), stats.low(), stats.high()) + ", n " + stats.n();
                        }).orElse(Numbers.ABSENT));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("series"));
        threads.forEach(k -> headers.add(k == 0 ? "alone: round trips/s [CI], n" : "beside " + k + " CPU-bound: round trips/s [CI], n"));
        document.table("Convoy: round trips per second", headers, rows);
    }

    /**
     * Per series: round trips per second beside the most CPU-bound threads against alone, and under
     * a lock the time of one round trip in switch intervals.
     */
    static List<String> convoyFindings(ConvoyResults convoy) {
        List<String> lines = new ArrayList<>();
        for (String series : convoy.seriesNames()) {
            List<ConvoyResults.Point> of = convoy.points().stream().filter(p -> p.series().equals(series)).toList();
            Optional<ConvoyResults.Point> alone = of.stream().filter(p -> p.cpuThreads() == 0).findFirst();
            Optional<ConvoyResults.Point> busiest = of.stream().filter(p -> p.cpuThreads() > 0)
                    .max(java.util.Comparator.comparingInt(ConvoyResults.Point::cpuThreads));
            if (alone.isPresent() && busiest.isPresent()) {
                lines.add(convoyFinding(series, alone.get().roundTripsPerSecond(), busiest.get().cpuThreads(),
                        busiest.get().roundTripsPerSecond()));
            }
        }
        return lines;
    }

    static String convoyFinding(String series, SampleStats alone, int threads, SampleStats beside) {
        double slowdown = alone.mean() / beside.mean();
        String line = series + ": " + Numbers.format(beside.mean()) + " round trips/s beside " + threads
                + " CPU-bound thread" + (threads == 1 ? "" : "s") + " against " + Numbers.format(alone.mean())
                + " alone, the rate " + (slowdown >= 1 ? "divided by " + Numbers.format(slowdown)
                : "times " + Numbers.format(1 / slowdown));
        Matcher interval = SWITCH.matcher(series);
        if (interval.find()) {
            double roundTripMicros = 1e6 / beside.mean();
            line += "; one round trip takes " + Numbers.format(roundTripMicros / 1000) + " ms, "
                    + Numbers.format(roundTripMicros / Integer.parseInt(interval.group(1))) + " switch intervals";
        }
        boolean wide = tooWide(alone) || tooWide(beside);
        return line + (wide ? " (unreliable: an interval wider than \u00b110%)" : "") + ".";
    }

    private static final Pattern SWITCH = Pattern.compile("switch (\\d+) \u00b5s");

    private static boolean tooWide(SampleStats s) {
        return !s.hasInterval() || s.halfWidth() > 0.10 * s.mean();
    }

    static void addCapacity(ReportDocument document, CapacityResults capacity, String runName, ChartSink charts) {
        document.heading(2, "Capacity");
        document.paragraph("Batch time as the number of tasks grows, at " + Numbers.cores(capacity.cores()) + "; the"
                + " charts show measured sizes only, and the sizes without a point are listed under each.");
        for (String workload : capacity.workloads()) {
            document.figure(charts.add(ScenarioCharts.capacity(capacity, workload, runName)));
            List<String> notMeasured = capacity.notMeasured(workload).stream().map(ScenarioSection::describe).toList();
            if (!notMeasured.isEmpty()) {
                document.paragraph(workload + ": not on the chart");
                document.bullets(notMeasured);
            }
        }
        List<List<String>> times = new ArrayList<>();
        List<List<String>> memory = new ArrayList<>();
        for (CapacityResults.Point point : capacity.points()) {
            SampleStats time = point.time();
            times.add(List.of(point.workload(), point.model(), Long.toString(point.tasks()),
                    Numbers.withInterval(time.mean(), time.low(), time.high()), Integer.toString(time.n())));
            if (Double.isFinite(point.bytesPerTask())) {
                memory.add(List.of(point.workload(), point.model(), Long.toString(point.tasks()),
                        Numbers.format(point.bytesPerTask()), Numbers.format(point.bytesPerTask() / 1024)));
            }
        }
        document.table("Capacity: time per batch", List.of("workload", "model", "tasks", "time per batch (ms) [CI]", "n"),
                times);
        document.table("Memory per waiting task (allocated bytes per batch / tasks, from gc.alloc.rate.norm)",
                List.of("workload", "model", "tasks", "bytes per task", "KiB per task"), memory);
        if (!capacity.outcomes().isEmpty()) {
            document.paragraph(notMeasured(capacity.outcomes()) + ": they are listed under their chart and, with the"
                    + " whole reason, under \"Cells without a number\".");
        }
    }

    /** "34 capacity sizes were skipped", "2 capacity sizes failed and 3 were skipped". */
    static String notMeasured(List<Outcome> outcomes) {
        long failed = outcomes.stream().filter(o -> o.status() == Outcome.Status.FAILED).count();
        long skipped = outcomes.size() - failed;
        if (failed == 0) {
            return skipped + (skipped == 1 ? " capacity size was" : " capacity sizes were") + " skipped";
        }
        return failed + (failed == 1 ? " capacity size" : " capacity sizes") + " failed"
                + (skipped == 0 ? "" : " and " + skipped + " " + (skipped == 1 ? "was" : "were") + " skipped");
    }

    /**
     * One line under a capacity chart: "SEQUENTIAL: 10,000 and 100,000 tasks skipped, predicted
     * 100 s and 1,000 s, over the limit of 20s (--max-batch-seconds)".
     */
    static String describe(CapacityResults.NotMeasured sizes) {
        List<String> predicted = sizes.predictedMillis().stream().filter(java.util.Objects::nonNull)
                .map(ms -> String.format(java.util.Locale.ROOT, "%,.0f s", ms / 1000.0)).toList();
        return sizes.model() + ": " + and(sizes.tasks().stream().map(n -> String.format(java.util.Locale.ROOT, "%,d", n))
                .toList()) + " tasks " + sizes.status().name().toLowerCase(java.util.Locale.ROOT)
                + (predicted.isEmpty() ? "" : ", predicted " + and(predicted)) + ", " + sizes.why();
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static void addJvmStart(ReportDocument document, JvmStartResults jvm) {
        document.heading(2, "JVM start-up");
        document.paragraph("What PROCESS_PER_TASK pays per task, beside a JVM start on this machine, at " + Numbers.cores(jvm.cores())
                + ". BARE_JVM is `java -version`; the workers are started, sent one empty task and waited"
                + " for, without and with their class-data-sharing archive.");
        List<List<String>> rows = new ArrayList<>();
        double bare = jvm.bare().map(start -> start.millis().mean()).orElse(Double.NaN);
        for (JvmStartResults.Start start : jvm.starts()) {
            SampleStats ms = start.millis();
            rows.add(List.of(start.kind(), Numbers.withInterval(ms.mean(), ms.low(), ms.high()),
                    Numbers.format(ms.mean() / bare)));
        }
        if (jvm.processPerTaskMillis() != null) {
            rows.add(List.of("PROCESS_PER_TASK, per task (SLEEP batch x children / tasks - sleep)",
                    Numbers.format(jvm.processPerTaskMillis()), Numbers.format(jvm.processPerTaskMillis() / bare)));
        }
        document.table("JVM start-up, milliseconds", List.of("start", "ms [CI]", "x BARE_JVM"), rows);
    }
}
