package org.concurrencybench.sweep.plan;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits a sweep into a time budget ({@code --budget 10m}): starting from the chosen profile, core
 * counts and capacity sizes, it gives things up one at a time, in this order, until the estimate
 * ({@link RunCostModel}) is within the budget:
 * <ol>
 *   <li>the largest capacity size ({@code --tasks}), one by one: extras beside the main question;</li>
 *   <li>iteration length, warm-up and measured halved together, down to 200 ms: an iteration
 *       still lasts at least one batch, so the slow cells lose nothing;</li>
 *   <li>measured iterations, one at a time down to 2, then warm-up iterations down to 1;</li>
 *   <li>rounds (the least a run makes), one at a time down to 1: intervals then come from one JVM's
 *   iterations only; the sweep also stops before a round that would not fit (the most it makes);</li>
 *   <li>core counts between the smallest and the largest, each time the one whose loss leaves the
 *       smallest gap (in doublings) between neighbours, the larger on a tie: the scaling curves
 *       keep their ends and their spread;</li>
 *   <li>the smallest core count, keeping the largest (the machine's own figure).</li>
 * </ol>
 * Once iterations are under half a second the plan is a first look ({@link SweepPlan#firstLook}: fewer
 * convoy and JVM-start cells, one PROCESS_PER_TASK batch), priced as such. The steps are coarse
 * (halving a fork halves the time), so a plan can land well under its budget; nothing is given
 * back afterwards, to keep the list of what was given up exact.
 * Models and workloads are never dropped: they are what the user asked to compare. If the
 * smallest plan is still over the budget, the planner refuses with the time that plan needs. A
 * plan never has an estimate over the budget, so a run exceeds it by no more than the estimate's
 * own error.
 */
public final class BudgetPlanner {

    /** The shortest iteration the planner will choose, ms. */
    static final long SHORTEST_ITERATION_MILLIS = 200;

    /** What to run, its estimate, and what was given up to fit, in the order given up. */
    public record Plan(Profile profile, List<Integer> cores, List<Integer> taskCounts, long estimatedMillis,
                List<String> gaveUp) {
    }

    /**
     * What the planner may change, for the estimate to price; {@code boundaries} are the core counts
     * where the hardware changes (all P-cores, one L3 group, one socket), dropped only after every
     * other interior count.
     */
    public record Candidate(Profile profile, List<Integer> cores, List<Integer> taskCounts, Set<Integer> boundaries) {
        public Candidate {
            boundaries = boundaries == null ? Set.of() : Set.copyOf(boundaries);
        }

        public Candidate(Profile profile, List<Integer> cores, List<Integer> taskCounts) {
            this(profile, cores, taskCounts, Set.of());
        }
    }

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private BudgetPlanner() {
    }

    /** Parses "10m", "90s", "1h", "1h30m"; a one-line error otherwise. */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (text == null || text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("--budget '" + text + "': expected a duration such as 90s, 10m, 1h or 1h30m");
        }
        Duration d = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2))).plusSeconds(number(m.group(3)));
        if (d.isZero()) {
            throw new IllegalArgumentException("--budget '" + text + "': expected a duration longer than zero");
        }
        return d;
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    /** The plan that fits {@code budget}, by the order above; {@code estimate} prices a candidate in ms. */
    public static Plan plan(Duration budget, Candidate start, ToLongFunction<Candidate> estimate) {
        long limit = budget.toMillis();
        List<String> gaveUp = new ArrayList<>();
        Candidate c = start;
        while (estimate.applyAsLong(c) > limit) {
            Candidate next = smaller(c, gaveUp);
            if (next == null) {
                throw new IllegalArgumentException("--budget " + Durations.format(budget) + ": even the smallest plan ("
                        + describe(c) + ") needs about " + Durations.format(Duration.ofMillis(estimate.applyAsLong(c)))
                        + "; give a longer budget or fewer --models/--workloads");
            }
            c = next;
        }
        return new Plan(c.profile(), c.cores(), c.taskCounts(), estimate.applyAsLong(c), List.copyOf(gaveUp));
    }

    /**
     * The default core counts of a big machine thinned to fit {@code limit}: only interior counts that
     * are not boundaries, by the rule a budget gives them up with, until the estimate fits or only the
     * ends and the boundaries are left (then it stays over). The profile and capacity sizes stay.
     */
    public static Plan thinCores(Duration limit, Candidate start, ToLongFunction<Candidate> estimate) {
        List<String> gaveUp = new ArrayList<>();
        Candidate c = start;
        while (estimate.applyAsLong(c) > limit.toMillis() && hasInteriorPowerOfTwo(c)) {
            int drop = interiorToDrop(c.cores(), c.boundaries());
            List<Integer> kept = new ArrayList<>(c.cores());
            kept.remove(Integer.valueOf(drop));
            gaveUp.add("core count " + drop);
            c = new Candidate(c.profile(), List.copyOf(kept), c.taskCounts(), c.boundaries());
        }
        return new Plan(c.profile(), c.cores(), c.taskCounts(), estimate.applyAsLong(c), List.copyOf(gaveUp));
    }

    private static boolean hasInteriorPowerOfTwo(Candidate c) {
        List<Integer> cores = c.cores();
        return cores.size() > 2 && cores.subList(1, cores.size() - 1).stream().anyMatch(n -> !c.boundaries().contains(n));
    }

    /** The next smaller candidate in the stated order, noting what it gave up; null when nothing is left to give. */
    private static Candidate smaller(Candidate c, List<String> gaveUp) {
        Profile p = c.profile();
        if (!c.taskCounts().isEmpty()) {
            List<Integer> sizes = new ArrayList<>(c.taskCounts());
            int dropped = sizes.remove(sizes.size() - 1);
            gaveUp.add("capacity size " + dropped);
            return new Candidate(p, c.cores(), List.copyOf(sizes), c.boundaries());
        }
        long longest = Math.max(p.iterationMillis(), p.warmupMillis());
        if (longest > SHORTEST_ITERATION_MILLIS) {
            long w = Math.max(SHORTEST_ITERATION_MILLIS, Math.min(p.warmupMillis(), p.warmupMillis() / 2));
            long r = Math.max(SHORTEST_ITERATION_MILLIS, p.iterationMillis() / 2);
            gaveUp.add("iteration length " + p.iterationMillis() + " ms -> " + r + " ms (warm-up " + w + " ms)");
            return with(c, p.withTiming(p.forks(), p.warmupIterations(), w, p.iterations(), r));
        }
        if (p.iterations() > 2) {
            gaveUp.add("measured iterations " + p.iterations() + " -> " + (p.iterations() - 1));
            return with(c, p.withTiming(p.forks(), p.warmupIterations(), p.warmupMillis(), p.iterations() - 1,
                    p.iterationMillis()));
        }
        if (p.warmupIterations() > 1) {
            gaveUp.add("warm-up iterations " + p.warmupIterations() + " -> " + (p.warmupIterations() - 1));
            return with(c, p.withTiming(p.forks(), p.warmupIterations() - 1, p.warmupMillis(), p.iterations(),
                    p.iterationMillis()));
        }
        if (p.minRounds() > 1) {
            gaveUp.add("rounds at least " + p.minRounds() + " -> " + (p.minRounds() - 1));
            return with(c, p.withRounds(p.minRounds() - 1, p.maxRounds(), p.precision()));
        }
        List<Integer> cores = c.cores();
        if (cores.size() > 2) {
            int drop = interiorToDrop(cores, c.boundaries());
            List<Integer> kept = new ArrayList<>(cores);
            kept.remove(Integer.valueOf(drop));
            gaveUp.add("core count " + drop);
            return new Candidate(p, List.copyOf(kept), c.taskCounts(), c.boundaries());
        }
        if (cores.size() == 2) {
            gaveUp.add("core count " + cores.get(0));
            return new Candidate(p, List.of(cores.get(1)), c.taskCounts(), c.boundaries());
        }
        return null;
    }

    /** Of the counts strictly between the first and last, the one whose removal leaves the smallest widest gap. */
    static int interiorToDrop(List<Integer> sortedCores) {
        return interiorToDrop(sortedCores, Set.of());
    }

    /** The same, among the counts that are not {@code boundaries} while there are any such. */
    static int interiorToDrop(List<Integer> sortedCores, Set<Integer> boundaries) {
        boolean others = sortedCores.subList(1, sortedCores.size() - 1).stream().anyMatch(n -> !boundaries.contains(n));
        int best = -1;
        double bestGap = Double.MAX_VALUE;
        for (int i = 1; i < sortedCores.size() - 1; i++) {
            if (others && boundaries.contains(sortedCores.get(i))) {
                continue;
            }
            double widest = 0;
            int previous = sortedCores.get(0);
            for (int j = 1; j < sortedCores.size(); j++) {
                if (j == i) {
                    continue;
                }
                widest = Math.max(widest, log2(sortedCores.get(j)) - log2(previous));
                previous = sortedCores.get(j);
            }
            if (widest < bestGap - 1e-9 || Math.abs(widest - bestGap) <= 1e-9) {
                bestGap = Math.min(bestGap, widest);
                best = sortedCores.get(i); // later (larger) wins a tie
            }
        }
        return best;
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }

    private static Candidate with(Candidate c, Profile profile) {
        return new Candidate(profile, c.cores(), c.taskCounts(), c.boundaries());
    }

    private static String describe(Candidate c) {
        Profile p = c.profile();
        return String.format(Locale.ROOT, "cores %s, %d round, %d x %d ms warm-up, %d x %d ms measured", c.cores(),
                p.minRounds(), p.warmupIterations(), p.warmupMillis(), p.iterations(), p.iterationMillis());
    }
}
