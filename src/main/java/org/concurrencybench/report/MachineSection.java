package org.concurrencybench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The machine summary table: what ran where, for one run or several side by side. Whether cores
 * were pinned comes first in importance: without pinning a "2-core" result ran on every core.
 */
final class MachineSection {

    private MachineSection() {
    }

    static void add(ReportDocument document, List<RunResults> runs) {
        document.heading(2, runs.size() == 1 ? "Machine" : "Machines");
        List<String> headers = new ArrayList<>(List.of(""));
        runs.forEach(run -> headers.add(run.machine().displayName()));
        List<List<String>> rows = new ArrayList<>();
        row(rows, runs, "run id", MachineInfo::runId);
        row(rows, runs, "host", MachineInfo::host);
        row(rows, runs, "CPU", MachineInfo::cpuModel);
        row(rows, runs, "cores (physical / logical)", m -> count(m.physicalCores()) + " / " + count(m.logicalCores()));
        row(rows, runs, "memory", m -> m.memoryBytes() > 0
                ? String.format(Locale.ROOT, "%.1f GiB", m.memoryBytes() / (1024.0 * 1024 * 1024)) : null);
        row(rows, runs, "OS (kernel)", m -> join(m.os(), m.osVersion() == null ? null : "(" + m.osVersion() + ")"));
        row(rows, runs, "architecture", MachineInfo::arch);
        row(rows, runs, "JDK", m -> join(m.jdkVendor(), m.jdkVersion()));
        row(rows, runs, "profile", MachineInfo::profile);
        row(rows, runs, "benchmark parameters (--param)", MachineSection::params);
        row(rows, runs, "suite commit", MachineInfo::suiteCommit);
        row(rows, runs, "started / finished", m -> nonNull(m.startedAt()) + " / "
                + (m.finishedAt() == null ? "not finished" : m.finishedAt()));
        rows.add(withRuns(runs, "core counts", run -> run.byCores().keySet().toString()));
        row(rows, runs, "cores pinned", MachineSection::pinning);
        document.table(null, headers, rows);
        for (RunResults run : runs) {
            if (!Boolean.TRUE.equals(run.machine().pinned())) {
                document.paragraph("Warning: " + run.machine().displayName() + " did not pin its core counts ("
                        + nonNull(run.machine().pinning()) + "). Each core count limited only what the JVM was told"
                        + " (-XX:ActiveProcessorCount); the operating system could still run its threads on every"
                        + " core, so its scaling curves flatter the smaller core counts.");
            }
        }
    }

    private static String params(MachineInfo machine) {
        if (machine.params() == null || machine.params().isEmpty()) {
            return "defaults";
        }
        return String.join(", ", new java.util.TreeMap<>(machine.params()).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
    }

    private static String pinning(MachineInfo machine) {
        if (machine.pinned() == null) {
            return "unknown" + (machine.pinning() == null ? "" : " (" + machine.pinning() + ")");
        }
        return (machine.pinned() ? "yes" : "NO") + (machine.pinning() == null ? "" : " (" + machine.pinning() + ")");
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
