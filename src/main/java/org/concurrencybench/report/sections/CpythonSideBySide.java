package org.concurrencybench.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.report.analysis.CpythonComparison;
import org.concurrencybench.report.analysis.CpythonComparison.Finding;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.results.CpythonPairing;

/**
 * A run of several CPython interpreters ({@code --python} more than once): each form's speedup over
 * each interpreter's own sequential code, the interpreters in columns, so a reader sees at once what
 * a newer CPython, its interpreter pool or a free-threaded build changes; and the line of the
 * answers that says it for the most cores ("threads on CPU at 2 cores: 3.11 0.88x, 3.13 0.90x;
 * interpreter pool 3.13 1.8x"). Each interpreter's own section ({@link CpythonSection}) has its
 * pairing with the simulation.
 */
final class CpythonSideBySide {

    /** The forms in plain words, as a Python programmer says them. */
    private static final Map<String, String> SAID = Map.of(
            CpythonPairing.THREAD_PER_TASK, "a thread per task",
            CpythonPairing.THREAD_POOL, "threads",
            CpythonPairing.PROCESS_PER_TASK, "a process per task",
            CpythonPairing.PROCESS_POOL, "processes",
            CpythonPairing.ASYNCIO, "asyncio",
            CpythonPairing.INTERPRETER_POOL, "interpreter pool");

    private CpythonSideBySide() {
    }

    /** The section: a table per workload, a column per interpreter; nothing for a run of one interpreter. */
    static void add(ReportDocument document, RunResults run, List<CpythonResults> pythons, double level) {
        if (pythons.size() < 2) {
            return;
        }
        document.heading(2, "CPython interpreters side by side");
        document.paragraph("The same batches through the same forms in " + names(pythons) + ", measured in the same"
                + " rounds: each figure is a speedup over that interpreter's own sequential code at "
                + Numbers.cores(pythons.get(0).byCores().firstKey()) + ", with its interval (a 't' names a"
                + " free-threaded build). A form an interpreter does not have says so.");
        for (String workload : workloads(pythons)) {
            Map<String, Map<String, CpythonComparison.SpeedupRow>> byFormAndCores = rows(run, pythons, workload, level);
            List<List<String>> table = new ArrayList<>();
            java.util.Set<String> lacking = new java.util.LinkedHashSet<>();
            byFormAndCores.forEach((formAtCores, byPython) -> {
                CpythonComparison.SpeedupRow any = byPython.values().iterator().next();
                byPython.forEach((name, row) -> {
                    if (row.finding() instanceof Finding.CpythonUnavailable) {
                        lacking.add(row.form() + " in " + name + ": " + CpythonSection.unavailableReason(row) + ".");
                    }
                });
                if (byPython.values().stream().allMatch(r -> r.finding() instanceof Finding.CpythonUnavailable)) {
                    return; // a form no interpreter has: its sentence says so
                }
                List<String> line = new ArrayList<>(List.of(any.form(), Integer.toString(any.cores())));
                for (CpythonResults py : pythons) {
                    line.add(cell(byPython.get(py.name())));
                }
                table.add(line);
            });
            List<String> header = new ArrayList<>(List.of("CPython form", "cores"));
            pythons.forEach(py -> header.add(py.name() + " speedup [CI]"));
            document.table("CPython interpreters side by side, " + workload, header, table);
            if (!lacking.isEmpty()) {
                document.paragraph(String.join(" ", lacking));
            }
        }
    }

    /**
     * The answers' line: per workload, at the most cores any interpreter ran it, each form's speedup
     * in each interpreter that has it; empty for a run of one interpreter.
     */
    static Optional<String> answer(RunResults run, List<CpythonResults> pythons, double level) {
        if (pythons.size() < 2) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String workload : workloads(pythons)) {
            Map<String, Map<String, CpythonComparison.SpeedupRow>> rows = rows(run, pythons, workload, level);
            int most = rows.values().stream().flatMap(m -> m.values().stream())
                    .filter(r -> r.cpython().present()).mapToInt(CpythonComparison.SpeedupRow::cores).max().orElse(0);
            List<String> forms = new ArrayList<>();
            rows.forEach((key, byPython) -> {
                CpythonComparison.SpeedupRow any = byPython.values().iterator().next();
                if (any.cores() != most || CpythonPairing.SEQUENTIAL.equals(any.form())) {
                    return;
                }
                List<String> figures = byPython.entrySet().stream().filter(e -> e.getValue().cpython().present())
                        .map(e -> e.getKey() + " " + Verdicts.times(e.getValue().cpython())).toList();
                if (!figures.isEmpty()) {
                    forms.add(SAID.getOrDefault(any.form(), any.form()) + " " + String.join(", ", figures));
                }
            });
            if (!forms.isEmpty()) {
                parts.add(workload + " at " + Numbers.cores(most) + ": " + String.join("; ", forms));
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("CPython " + names(pythons) + " side by side, speedup"
                + " over each one's own sequential code: " + String.join(". ", parts) + ".");
    }

    /** Each (form, cores) of the workload, in the forms' order, with each interpreter's row by its name. */
    private static Map<String, Map<String, CpythonComparison.SpeedupRow>> rows(RunResults run,
            List<CpythonResults> pythons, String workload, double level) {
        Map<String, Map<String, CpythonComparison.SpeedupRow>> rows = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(CpythonPairing.forms(false).keySet());
        List<CpythonComparison.SpeedupRow> all = new ArrayList<>();
        Map<CpythonComparison.SpeedupRow, String> owner = new java.util.IdentityHashMap<>();
        for (CpythonResults py : pythons) {
            if (!py.workloads().contains(workload)) {
                continue;
            }
            for (CpythonComparison.SpeedupRow row : CpythonComparison.speedups(run, py, workload, level)) {
                all.add(row);
                owner.put(row, py.name());
            }
        }
        all.sort(java.util.Comparator.comparingInt((CpythonComparison.SpeedupRow r) -> order.indexOf(r.form()))
                .thenComparingInt(CpythonComparison.SpeedupRow::cores));
        for (CpythonComparison.SpeedupRow row : all) {
            rows.computeIfAbsent(row.form() + " " + row.cores(), k -> new LinkedHashMap<>()).put(owner.get(row), row);
        }
        return rows;
    }

    private static String cell(CpythonComparison.SpeedupRow row) {
        if (row == null) {
            return Numbers.ABSENT;
        }
        RatioEstimate speedup = row.cpython();
        if (speedup.present()) {
            return Numbers.withInterval(speedup.value(), speedup.low(), speedup.high());
        }
        return switch (row.finding()) {
            case Finding.CpythonUnavailable unavailable -> "not available (below)";
            case Finding.CpythonFailed failed -> "FAILED: " + failed.reason();
            default -> Numbers.ABSENT;
        };
    }

    /** The batch workloads of every interpreter, in the suite's order. */
    private static List<String> workloads(List<CpythonResults> pythons) {
        return pythons.stream().flatMap(py -> py.workloads().stream()).distinct()
                .sorted(org.concurrencybench.report.input.WorkloadOrder.GROUPS).toList();
    }

    /** "3.11 and 3.13t", "3.11, 3.12 and 3.13". */
    private static String names(List<CpythonResults> pythons) {
        List<String> names = pythons.stream().map(CpythonResults::name).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
