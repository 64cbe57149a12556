package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.CpythonComparison;
import org.concurrencybench.report.analysis.CpythonComparison.Finding;
import org.concurrencybench.report.analysis.CpythonComparison.SpeedupRow;
import org.concurrencybench.report.analysis.JvmStartResults;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.stats.SampleStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.CpythonPairing;
import org.concurrencybench.results.BenchmarkResult;

/**
 * Why CPython and the simulation are more than {@link CpythonComparison#FLAG_FACTOR} apart, said
 * from figures of the same run (a reader trusts a gap explained by the run itself): a process per task is a fork against a JVM start, each
 * side's extra time per task over its own sequential code beside the JVM start-up figure; threads
 * and asyncio on round trips are CPython's interpreter time per round trip, which the simulated
 * lock does not model, shown by each side's sequential round trip. Anything else is said to be
 * unexplained by this run. The sentences are built from plain figures so a test can plant them.
 */
final class CpythonGaps {

    /** Workloads whose tasks are echo round trips. */
    private static final Set<String> ROUND_TRIP_WORKLOADS = Set.of("IO", "MIXED");

    /** The models whose gap on round trips is the interpreter's time under one lock or one loop. */
    private static final Set<String> ONE_AT_A_TIME = Set.of(Model.GLOBAL_LOCK.name(),
            Model.GLOBAL_LOCK_PER_TASK.name(), Model.EVENT_LOOP.name());

    private CpythonGaps() {
    }

    /** One line per kind of gap among the workload's rows more than the flag factor apart; none if none is. */
    static List<String> explain(RunResults run, CpythonResults py, String workload, List<SpeedupRow> rows,
                                double level) {
        List<SpeedupRow> flagged = rows.stream().filter(r -> r.finding() instanceof Finding.Compared c
                && !c.agrees() && c.flagged()).toList();
        List<String> lines = new ArrayList<>();
        List<SpeedupRow> unexplained = new ArrayList<>();
        int base = py.byCores().firstKey();
        Map<String, List<SpeedupRow>> processForms = new LinkedHashMap<>();
        List<SpeedupRow> roundTrips = new ArrayList<>();
        for (SpeedupRow row : flagged) {
            if (row.model().equals(Model.PROCESS_PER_TASK.name())) {
                processForms.computeIfAbsent(row.form(), f -> new ArrayList<>()).add(row);
            } else if (ROUND_TRIP_WORKLOADS.contains(workload) && ONE_AT_A_TIME.contains(row.model())) {
                roundTrips.add(row);
            } else {
                unexplained.add(row);
            }
        }
        processForms.forEach((form, of) -> {
            OptionalDouble pyExtra = extraPerTask(py, run, workload, form, null, base, level);
            OptionalDouble jvmExtra = extraPerTask(py, run, workload, null, Model.PROCESS_PER_TASK, base, level);
            if (pyExtra.isPresent() && jvmExtra.isPresent()) {
                Double bare = JvmStartResults.of(run, level).flatMap(JvmStartResults::bare)
                        .map(start -> start.millis().mean()).orElse(null);
                lines.add(processStart(of, base, pyExtra.getAsDouble(), jvmExtra.getAsDouble(), tasks(py, base, workload),
                        bare));
            } else {
                unexplained.addAll(of);
            }
        });
        if (!roundTrips.isEmpty()) {
            Optional<String> line = roundTrips(run, py, workload, roundTrips, level);
            line.ifPresentOrElse(lines::add, () -> unexplained.addAll(roundTrips));
        }
        if (!unexplained.isEmpty()) {
            lines.add(unexplained(unexplained));
        }
        return lines;
    }

    /** A process per task: a fork against a JVM start, each side's extra milliseconds per task. */
    static String processStart(List<SpeedupRow> rows, int cores, double pyExtraMillis, double jvmExtraMillis,
                               int tasks, Double bareJvmMillis) {
        return rows(rows) + ": each task is a new process on both sides, a fork for CPython and a JVM start for the"
                + " simulation. At " + Numbers.cores(cores) + " a task costs " + Numbers.format(pyExtraMillis)
                + " ms more than in CPython's sequential code (the fork) and " + Numbers.format(jvmExtraMillis)
                + " ms more under " + rows.get(0).model() + " than under SEQUENTIAL (the JVM start"
                + (bareJvmMillis == null ? "" : "; a bare JVM starts in " + Numbers.format(bareJvmMillis)
                        + " ms here, see JVM start-up")
                + "), each side's (batch - sequential batch) / " + tasks + " tasks.";
    }

    /** A row's time per round trip of its batch on each side, in microseconds. */
    record PerRoundTrip(SpeedupRow row, double cpythonMicros, double jvmMicros) {
    }

    private static Optional<String> roundTrips(RunResults run, CpythonResults py, String workload,
                                               List<SpeedupRow> rows, double level) {
        int cores = rows.stream().mapToInt(SpeedupRow::cores).max().orElseThrow();
        Optional<BenchmarkResult> pySequential = py.batch(cores, CpythonPairing.SEQUENTIAL, workload);
        Optional<SampleStats> jvmSequential = CpythonComparison.jvmBatch(run, Model.SEQUENTIAL, workload, cores, level);
        if (pySequential.isEmpty() || jvmSequential.isEmpty()) {
            return Optional.empty();
        }
        int tasks = Integer.parseInt(pySequential.get().param("tasks"));
        int trips = Integer.parseInt(pySequential.get().param("ioRoundTrips"));
        double toMicros = 1000.0 / (tasks * trips);
        List<PerRoundTrip> each = new ArrayList<>();
        for (SpeedupRow row : rows) {
            Optional<BenchmarkResult> form = py.batch(row.cores(), row.form(), workload);
            Optional<SampleStats> model = CpythonComparison.jvmBatch(run, Model.valueOf(row.model()), workload,
                    row.cores(), level);
            if (form.isEmpty() || model.isEmpty()) {
                return Optional.empty();
            }
            each.add(new PerRoundTrip(row, SampleStats.of(form.get().primary().samples(), level).mean() * toMicros,
                    model.get().mean() * toMicros));
        }
        double pyMillis = SampleStats.of(pySequential.get().primary().samples(), level).mean();
        return Optional.of(roundTrip(each, cores, pyMillis * toMicros, jvmSequential.get().mean() * toMicros, tasks,
                trips));
    }

    /** Threads or asyncio on round trips: each side's sequential round trip, and each row's. */
    static String roundTrip(List<PerRoundTrip> rows, int cores, double pyMicros, double jvmMicros, int tasks,
                            int trips) {
        List<String> each = new ArrayList<>();
        for (PerRoundTrip r : rows) {
            each.add(r.row().form() + " " + Numbers.format(r.cpythonMicros()) + " \u00b5s against " + r.row().model()
                    + "'s " + Numbers.format(r.jvmMicros()) + " \u00b5s at " + Numbers.cores(r.row().cores()));
        }
        return rows(rows.stream().map(PerRoundTrip::row).toList()) + ": at " + Numbers.cores(cores) + " CPython's"
                + " sequential round trip takes " + Numbers.format(pyMicros) + " \u00b5s and the JVM's "
                + Numbers.format(jvmMicros) + " \u00b5s; per round trip of the batch, " + String.join(", ", each)
                + " (batch / (" + tasks + " tasks x " + trips + " round trips)). CPython's round trip includes the"
                + " interpreter's own time, held under the GIL (asyncio: on its one thread), so its threads and tasks"
                + " queue for it; the simulated lock, released around each send and read, does not model that time,"
                + " so the simulation's round trips overlap.";
    }

    /** Gaps this run has no figure for. */
    static String unexplained(List<SpeedupRow> rows) {
        return rows(rows) + ": this run has no figure that explains the gap.";
    }

    private static String rows(List<SpeedupRow> rows) {
        List<String> each = new ArrayList<>();
        for (SpeedupRow row : rows) {
            double r = row.ratio().value();
            each.add(row.form() + " against " + row.model() + " at " + Numbers.cores(row.cores()) + " ("
                    + (r >= 1 ? Numbers.format(r) + "x" : "1/" + Numbers.format(1 / r)) + ")");
        }
        return String.join(", ", each);
    }

    /** (batch - sequential batch) / tasks at a core count: CPython's form when {@code form} is given, else the model's. */
    private static OptionalDouble extraPerTask(CpythonResults py, RunResults run, String workload, String form,
                                               Model model, int cores, double level) {
        Optional<SampleStats> batch = form != null
                ? py.batch(cores, form, workload).map(e -> SampleStats.of(e.primary().samples(), level))
                : CpythonComparison.jvmBatch(run, model, workload, cores, level);
        Optional<SampleStats> sequential = form != null
                ? py.batch(cores, CpythonPairing.SEQUENTIAL, workload).map(e -> SampleStats.of(e.primary().samples(), level))
                : CpythonComparison.jvmBatch(run, Model.SEQUENTIAL, workload, cores, level);
        if (batch.isEmpty() || sequential.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((batch.get().mean() - sequential.get().mean()) / tasks(py, cores, workload));
    }

    private static int tasks(CpythonResults py, int cores, String workload) {
        return py.batch(cores, CpythonPairing.SEQUENTIAL, workload).map(e -> Integer.parseInt(e.param("tasks")))
                .orElse(1);
    }
}
