package org.concurrencybench.report.compare;

import java.util.List;

/**
 * Whether the models rank the same (fastest first) on two runs for one workload: the two orders,
 * whether they are identical, and Kendall's tau between the two runs' mean times (1 = same order,
 * -1 = reversed).
 */
public record RankingAgreement(String group, int coresA, int coresB, List<String> orderA, List<String> orderB,
        double kendallTau) {

    public boolean sameOrder() {
        return orderA.equals(orderB);
    }
}
