package org.concurrencybench.report.input;

import java.util.Comparator;
import java.util.List;

/**
 * The order workloads appear in: the suite's CPU, SLEEP, IO, MIXED, MEMORY, CONTENDED first, anything else after,
 * alphabetically. Groups ("CPU tasks=256") sort by their workload, then by the rest of the name.
 */
public final class WorkloadOrder {

    private static final List<String> KNOWN = List.of("CPU", "SLEEP", "IO", "MIXED", "MEMORY", "CONTENDED");

    public static final Comparator<String> GROUPS = Comparator.comparingInt(WorkloadOrder::position)
            .thenComparing(Comparator.naturalOrder());

    private WorkloadOrder() {
    }

    private static int position(String group) {
        String workload = group.split(" ", 2)[0];
        int index = KNOWN.indexOf(workload);
        return index < 0 ? KNOWN.size() : index;
    }
}
