package org.concurrencybench.report.sections.compare;

import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.compare.UnevenCells;

/**
 * What a comparison leaves out, in words: the models and the core counts only one run measured,
 * which it cannot pair, and the uneven-task cells it does not compare. Apart from the report's
 * build, so that each line can be checked on its own.
 */
public final class UnpairedCells {

    private UnpairedCells() {
    }

    /**
     * The models only one of the two runs measured (per workload), which the comparison cannot
     * pair and so leaves out: one line saying which, or null when both runs have the same models.
     */
    public static String unpairedModels(String nameA, List<WorkloadScaling> a, String nameB, List<WorkloadScaling> b) {
        java.util.Set<String> onlyA = new java.util.TreeSet<>();
        java.util.Set<String> onlyB = new java.util.TreeSet<>();
        java.util.Map<String, WorkloadScaling> byGroupB = new java.util.HashMap<>();
        b.forEach(w -> byGroupB.put(w.group(), w));
        java.util.Set<String> groupsA = new java.util.HashSet<>();
        for (WorkloadScaling workload : a) {
            groupsA.add(workload.group());
            WorkloadScaling other = byGroupB.get(workload.group());
            List<String> otherModels = other == null ? List.of() : other.models();
            workload.models().stream().filter(m -> !otherModels.contains(m)).forEach(m -> onlyA.add(m + " " + workload.group()));
            if (other != null) {
                other.models().stream().filter(m -> !workload.models().contains(m))
                        .forEach(m -> onlyB.add(m + " " + workload.group()));
            }
        }
        b.stream().filter(w -> !groupsA.contains(w.group()))
                .forEach(w -> w.models().forEach(m -> onlyB.add(m + " " + w.group())));
        if (onlyA.isEmpty() && onlyB.isEmpty()) {
            return null;
        }
        return "Left out, measured by one run only: " + String.join("; ", java.util.stream.Stream.of(
                onlyA.isEmpty() ? null : "only " + nameA + " has " + String.join(", ", onlyA),
                onlyB.isEmpty() ? null : "only " + nameB + " has " + String.join(", ", onlyB))
                .filter(java.util.Objects::nonNull).toList()) + ".";
    }

    /**
     * The core counts of a workload that only one side ran and the comparison cannot pair (beyond the
     * pairing of each side's most cores): one line saying which, or null when there are none.
     */
    static String unpairedCores(String nameA, List<WorkloadScaling> a, String nameB, List<WorkloadScaling> b) {
        List<String> lines = new ArrayList<>();
        for (WorkloadScaling workloadA : a) {
            b.stream().filter(w -> w.group().equals(workloadA.group())).findFirst().ifPresent(workloadB -> {
                List<Integer> onlyA = workloadA.cores().stream().filter(c -> !workloadB.cores().contains(c)
                        && !(c == workloadA.mostCores() && workloadA.mostCores() != workloadB.mostCores())).toList();
                List<Integer> onlyB = workloadB.cores().stream().filter(c -> !workloadA.cores().contains(c)
                        && !(c == workloadB.mostCores() && workloadA.mostCores() != workloadB.mostCores())).toList();
                if (!onlyA.isEmpty()) {
                    lines.add(workloadA.group() + " at " + join(onlyA) + " (only " + nameA + ")");
                }
                if (!onlyB.isEmpty()) {
                    lines.add(workloadA.group() + " at " + join(onlyB) + " (only " + nameB + ")");
                }
            });
        }
        return lines.isEmpty() ? null : "Left out, core counts one side ran and the other did not: " + String.join("; ", lines) + ".";
    }

    private static String join(List<Integer> cores) {
        return String.join(", ", cores.stream().map(String::valueOf).toList()) + (cores.equals(List.of(1)) ? " core" : " cores");
    }

    /**
     * The uneven-task cells the comparison does not pair (each run's own report has them in its skew
     * section): how many both runs hold, and each cell that one run holds alone. Null when neither has any.
     */
    static String unevenLine(String nameA, String nameB, UnevenCells uneven) {
        if (uneven.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!uneven.both().isEmpty()) {
            parts.add(uneven.both().size() + (uneven.both().size() == 1 ? " cell" : " cells") + " in both runs ("
                    + String.join(", ", uneven.both()) + "; each run's own report has them under \"Uneven tasks\")");
        }
        if (!uneven.onlyA().isEmpty()) {
            parts.add("only " + nameA + " has " + String.join(", ", uneven.onlyA()));
        }
        if (!uneven.onlyB().isEmpty()) {
            parts.add("only " + nameB + " has " + String.join(", ", uneven.onlyB()));
        }
        return "Not compared here, uneven-task batches (a task-size spread, Pool.map's chunks, largest first): "
                + String.join("; ", parts) + ".";
    }
}
