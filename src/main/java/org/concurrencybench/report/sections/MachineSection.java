package org.concurrencybench.report.sections;

import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ReportDocument;

import org.concurrencybench.results.MachineInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The machine summary table: what ran where, for one run or several side by side. Whether cores
 * were pinned comes first in importance: without pinning a "2-core" result ran on every core.
 * Related facts share a row; a row that says nothing for any run is one line under the table.
 */
public final class MachineSection {

    /** A row that says nothing of any run ("unknown / unknown", "none"): one line under the table, not a row. */
    private static final java.util.regex.Pattern EMPTY =
            java.util.regex.Pattern.compile("(unknown|none|not recorded)( / (unknown|none|not recorded))*");

    private MachineSection() {
    }

    public static void add(ReportDocument document, List<RunResults> runs) {
        document.heading(2, runs.size() == 1 ? "Machine" : "Machines");
        List<String> headers = new ArrayList<>(List.of(""));
        runs.forEach(run -> headers.add(run.machine().displayName()));
        List<List<String>> rows = new ArrayList<>();
        row(rows, runs, "run id; host", m -> nonNull(m.runId()) + "; " + nonNull(m.machine().host()));
        row(rows, runs, "CPU; cores (physical / logical); memory", m -> nonNull(m.machine().cpuModel()) + "; "
                + count(m.machine().physicalCores()) + " / " + count(m.machine().logicalCores()) + "; "
                + nonNull(m.machine().memoryBytes() > 0
                ? String.format(Locale.ROOT, "%.1f GiB", m.machine().memoryBytes() / (1024.0 * 1024 * 1024)) : null));
        row(rows, runs, "OS (kernel); architecture; JDK", m -> nonNull(join(m.machine().os(), m.machine().osVersion() == null
                ? null : "(" + m.machine().osVersion() + ")")) + "; " + nonNull(m.machine().arch()) + "; "
                + nonNull(join(m.machine().jdkVendor(), m.machine().jdkVersion())));
        rows.add(withRuns(runs, "profile; benchmark parameters (--param); tasks per model batch", run ->
                nonNull(run.machine().plan().profile()) + "; " + params(run.machine()) + "; "
                        + (run.batchSizes().isEmpty() ? "none measured" : String.join(", ", run.batchSizes()))));
        row(rows, runs, "suite commit; started / finished", m -> nonNull(m.suiteCommit()) + "; " + nonNull(m.startedAt())
                + " / " + (m.finishedAt() == null ? "not finished" : m.finishedAt()));
        rows.add(withRuns(runs, "core counts; cores pinned", run -> run.byCores().keySet() + "; "
                + pinning(run.machine())));
        row(rows, runs, "CPUs allowed / cgroup quota", MachineSection::limits);
        row(rows, runs, "governor / turbo", m -> m.machine().stateBefore() == null ? null
                : nonNull(m.machine().stateBefore().governor()) + " / " + nonNull(m.machine().stateBefore().boost()));
        row(rows, runs, "load average 1/5/15 min, before / after", m -> state(m, s -> s.loadAverage().isEmpty() ? null
                : s.loadAverage().stream().map(v -> String.format(Locale.ROOT, "%.2f", v))
                        .collect(java.util.stream.Collectors.joining(" "))));
        row(rows, runs, "busiest other processes, before / after", m -> state(m, s -> s.busiestProcesses().isEmpty()
                ? "none busy" : String.join(", ", s.busiestProcesses())));
        row(rows, runs, "thermal throttle events, before / after", m -> state(m, s -> s.throttleEvents() == null ? null
                : s.throttleEvents().toString()));
        row(rows, runs, "CPU MHz, rated max / current before", m -> m.machine().stateBefore() == null ? null
                : (m.machine().stateBefore().maxMhz() == null ? "unknown" : m.machine().stateBefore().maxMhz()) + " / "
                + (m.machine().stateBefore().currentMhz() == null ? "unknown" : m.machine().stateBefore().currentMhz()));
        row(rows, runs, "time budget", MachineSection::budget);
        List<String> blank = new ArrayList<>();
        rows.removeIf(row -> {
            List<String> values = row.subList(1, row.size()).stream().distinct().toList();
            boolean says = values.size() > 1 || !EMPTY.matcher(values.get(0)).matches();
            if (!says) {
                blank.add(row.get(0) + ": " + values.get(0));
            }
            return !says;
        });
        document.table(null, headers, rows);
        if (!blank.isEmpty()) {
            document.paragraph("Not recorded or not set: " + String.join("; ", blank) + ".");
        }
        for (RunResults run : runs) {
            if (run.machine().rehearsalRun()) {
                document.paragraph("Rehearsal: " + run.machine().displayName() + " was a rehearsal (--rehearse) of the"
                        + " plan above, unpinned, with the smoke profile, on this machine's CPUs whatever the core"
                        + " count. Its cells show that every model runs at each count; its numbers measure nothing.");
                continue;
            }
            if (Boolean.FALSE.equals(run.machine().pinning().pinned())) { // unknown (an older or hand-made machine.json): no claim
                document.paragraph("Warning: " + run.machine().displayName() + " did not pin its core counts ("
                        + nonNull(run.machine().pinning().description()) + "). Each core count limited only what the JVM was told"
                        + " (-XX:ActiveProcessorCount); the operating system could still run its threads on every"
                        + " core, so its scaling curves flatter the smaller core counts.");
            }
        }
    }

    /** The allowed set and quota, e.g. "0-3 (4 CPUs) / 1.50 CPUs (/sys/fs/cgroup/.../cpu.max)". */
    private static String limits(MachineInfo machine) {
        MachineInfo.CpuLimit limit = machine.machine().cpuLimits();
        if (limit == null) {
            return null;
        }
        return (limit.allowedCpus() == null ? "unknown" : limit.allowedCpus() + " (" + limit.allowedCount() + " CPUs)")
                + " / " + (limit.quotaCpus() == null ? "none" : String.format(Locale.ROOT, "%.2f CPUs (%s)",
                limit.quotaCpus(), limit.quotaFile())) + "; at most " + limit.usableCores() + " cores planned";
    }

    /** A fact of the state before and after the sweep: "x / y". */
    private static String state(MachineInfo machine, Function<MachineInfo.State, String> fact) {
        if (machine.machine().stateBefore() == null && machine.machine().stateAfter() == null) {
            return null;
        }
        return (machine.machine().stateBefore() == null ? "unknown" : nonNull(fact.apply(machine.machine().stateBefore()))) + " / "
                + (machine.machine().stateAfter() == null ? "not recorded" : nonNull(fact.apply(machine.machine().stateAfter())));
    }

    private static String budget(MachineInfo machine) {
        MachineInfo.Budget budget = machine.plan().budget();
        if (budget == null) {
            return "none";
        }
        return String.format(Locale.ROOT, "%s, planned %.0f s (%d fork, %d x %d ms warm-up, %d x %d ms measured); gave up: %s",
                budget.budget(), budget.estimatedMillis() / 1000.0, budget.forks(), budget.warmupIterations(),
                budget.warmupMillis(), budget.iterations(), budget.iterationMillis(),
                budget.gaveUp().isEmpty() ? "nothing" : String.join("; ", budget.gaveUp()));
    }

    private static String params(MachineInfo machine) {
        if (machine.plan().params() == null || machine.plan().params().isEmpty()) {
            return "defaults";
        }
        return String.join(", ", new java.util.TreeMap<>(machine.plan().params()).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
    }

    private static String pinning(MachineInfo machine) {
        MachineInfo.CorePinning pinning = machine.pinning();
        String how = pinning.description() == null ? "" : " (" + pinning.description() + ")";
        if (pinning.pinned() == null) {
            return "unknown" + how;
        }
        return (pinning.pinned() ? "yes" : "NO") + how;
    }

    private static void row(List<List<String>> rows, List<RunResults> runs, String name,
            Function<MachineInfo, String> value) {
        rows.add(withRuns(runs, name, run -> value.apply(run.machine())));
    }

    private static List<String> withRuns(List<RunResults> runs, String name, Function<RunResults, String> value) {
        List<String> row = new ArrayList<>(List.of(name));
        runs.forEach(run -> row.add(nonNull(value.apply(run))));
        return row;
    }

    private static String count(int cores) {
        return cores > 0 ? Integer.toString(cores) : "?";
    }

    private static String join(String first, String second) {
        if (first == null && second == null) {
            return null;
        }
        return (nonNull(first) + " " + (second == null ? "" : second)).trim();
    }

    private static String nonNull(String value) {
        return value == null ? "unknown" : value;
    }
}
