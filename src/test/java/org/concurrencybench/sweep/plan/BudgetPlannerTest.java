package org.concurrencybench.sweep.plan;

import org.concurrencybench.sweep.SweepSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;

/**
 * The budget planner: durations parse, a plan's estimate never exceeds the budget, and things are
 * given up in the stated order (capacity sizes, iteration length, measured then warm-up
 * iterations, forks, interior core counts, the smallest core count).
 */
class BudgetPlannerTest {

    private static final List<Integer> SERVER_CORES = List.of(1, 2, 4, 8, 16);

    /** A cost a person can add up: per core count, rounds x (warm-up + measured time + 1 s start); plus each capacity size. */
    private static long simpleCost(BudgetPlanner.Candidate c) {
        Profile p = c.profile();
        long perCount = p.minRounds() * (p.warmupIterations() * p.warmupMillis() + p.iterations() * p.iterationMillis() + 1000);
        return c.cores().size() * perCount + c.taskCounts().stream().mapToLong(t -> t).sum();
    }

    /** A profile whose costs the comments below work out by hand: 2 rounds, 2 x 1 s warm-up, 4 x 1 s measured. */
    private static final Profile TWO_FORKS = Profile.DEFAULT.withTiming(1, 2, 1000, 4, 1000).withRounds(2, 6, 0.02);

    @Test
    void durationsParse() {
        assertEquals(Duration.ofSeconds(90), BudgetPlanner.parse("90s"));
        assertEquals(Duration.ofMinutes(10), BudgetPlanner.parse("10m"));
        assertEquals(Duration.ofMinutes(90), BudgetPlanner.parse("1h30m"));
        assertEquals("--budget 'ten': expected a duration such as 90s, 10m, 1h or 1h30m",
                assertThrows(IllegalArgumentException.class, () -> BudgetPlanner.parse("ten")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BudgetPlanner.parse("0m"));
    }

    @Test
    void aBudgetThatFitsGivesUpNothing() {
        BudgetPlanner.Candidate start = new BudgetPlanner.Candidate(TWO_FORKS, SERVER_CORES, List.of(100));
        // 5 counts x 2 rounds x (2 s + 4 s + 1 s) = 70 s, plus the size 100 (ms).
        BudgetPlanner.Plan plan = BudgetPlanner.plan(Duration.ofMillis(70_100), start, BudgetPlannerTest::simpleCost);
        assertEquals(List.of(), plan.gaveUp());
        assertEquals(70_100, plan.estimatedMillis());
        assertEquals(TWO_FORKS, plan.profile());
    }

    @Test
    void givesThingsUpInTheStatedOrder() {
        BudgetPlanner.Candidate start = new BudgetPlanner.Candidate(TWO_FORKS, SERVER_CORES, List.of(100, 1000));
        // Just under the full cost: only the largest capacity size goes.
        assertEquals(List.of("capacity size 1000"),
                BudgetPlanner.plan(Duration.ofMillis(71_000), start, BudgetPlannerTest::simpleCost).gaveUp());
        // 5 x 2 x (1 + 2 + 1) s = 40 s once both sizes are gone and the iterations halved to 500 ms.
        assertEquals(List.of("capacity size 1000", "capacity size 100", "iteration length 1000 ms -> 500 ms (warm-up 500 ms)"),
                BudgetPlanner.plan(Duration.ofSeconds(40), start, BudgetPlannerTest::simpleCost).gaveUp());
        // A small budget walks the whole order; check the kinds appear in it, in order.
        BudgetPlanner.Plan small = BudgetPlanner.plan(Duration.ofMillis(1600), start, BudgetPlannerTest::simpleCost);
        List<String> kinds = new ArrayList<>();
        for (String step : small.gaveUp()) {
            String kind = step.replaceAll(" [0-9].*", "");
            if (kinds.isEmpty() || !kinds.get(kinds.size() - 1).equals(kind)) {
                kinds.add(kind);
            }
        }
        assertEquals(List.of("capacity size", "iteration length", "measured iterations", "warm-up iterations", "rounds at least",
                "core count"), kinds);
        // Interior counts go first, 8 (a tie, the larger), then 2, then 4; the smallest last: 16 stays.
        assertEquals(List.of("core count 8", "core count 2", "core count 4", "core count 1"),
                small.gaveUp().stream().filter(s -> s.startsWith("core count")).toList());
        assertEquals(List.of(16), small.cores());
        assertEquals(Profile.DEFAULT.withTiming(1, 1, 200, 2, 200).withRounds(1, 6, 0.02), small.profile());
        assertTrue(small.estimatedMillis() <= 1600);
    }

    @Test
    void refusesABudgetEvenTheSmallestPlanExceeds() {
        BudgetPlanner.Candidate start = new BudgetPlanner.Candidate(Profile.QUICK, List.of(1, 2), List.of());
        String message = assertThrows(IllegalArgumentException.class,
                () -> BudgetPlanner.plan(Duration.ofSeconds(1), start, BudgetPlannerTest::simpleCost)).getMessage();
        assertTrue(message.startsWith("--budget 1s: even the smallest plan (cores [2], 1 round"), message);
        assertTrue(message.contains("needs about 1s"), message);
    }

    @Test
    void withTheRealCostModelAPlanNeverExceedsItsBudget() {
        List<Model> models = List.of(Model.values());
        List<Workload> workloads = Workload.BUILT_IN;
        for (Profile profile : List.of(Profile.QUICK, Profile.DEFAULT, Profile.FULL)) {
            for (int minutes : new int[] {3, 5, 8, 10, 30, 120}) {
                BudgetPlanner.Candidate start = new BudgetPlanner.Candidate(profile, SERVER_CORES, List.of(100, 1000, 10000));
                Duration budget = Duration.ofMinutes(minutes);
                try {
                    BudgetPlanner.Plan plan = BudgetPlanner.plan(budget, start, c -> RunCostModel.sweepMillis(c.profile(),
                            c.cores(), models, workloads, true, c.taskCounts(), Duration.ofSeconds(20), 20_000,
                            SweepSettings.DEFAULT_SPREADS, SweepSettings.DEFAULT_SKEW_WORKLOADS));
                    assertTrue(plan.estimatedMillis() <= budget.toMillis(), profile.name() + " " + minutes + "m: "
                            + plan.estimatedMillis());
                    assertEquals(plan.estimatedMillis(), RunCostModel.sweepMillis(plan.profile(), plan.cores(), models,
                            workloads, true, plan.taskCounts(), Duration.ofSeconds(20), 20_000,
                            SweepSettings.DEFAULT_SPREADS, SweepSettings.DEFAULT_SKEW_WORKLOADS));
                } catch (IllegalArgumentException e) {
                    assertTrue(minutes <= 3, "only a very small budget may be refused: " + e.getMessage());
                }
            }
        }
    }

    @Test
    void interiorCoreCountsKeepTheSpread() {
        assertEquals(8, BudgetPlanner.interiorToDrop(List.of(1, 2, 4, 8, 16)));
        assertEquals(2, BudgetPlanner.interiorToDrop(List.of(1, 2, 4, 16)));
        assertEquals(6, BudgetPlanner.interiorToDrop(List.of(1, 2, 4, 6, 8)));
    }

    @Test
    void aBigMachinesDefaultGivesUpInteriorPowersOfTwoOnlyAndKeepsEveryBoundary() {
        // 10 minutes a core count: eight counts are 80 minutes; an hour keeps six.
        List<Integer> epyc = List.of(1, 2, 4, 8, 16, 32, 64, 128);
        BudgetPlanner.Plan plan = BudgetPlanner.thinCores(Duration.ofHours(1),
                new BudgetPlanner.Candidate(Profile.DEFAULT, epyc, List.of(), java.util.Set.of(8, 64)),
                c -> c.cores().size() * 600_000L);
        assertEquals(List.of(1, 2, 8, 16, 64, 128), plan.cores());
        assertEquals(List.of("core count 32", "core count 4"), plan.gaveUp());
        assertEquals(Profile.DEFAULT, plan.profile());
        // Where the boundaries alone are over the length, they stay: only powers of two go.
        BudgetPlanner.Plan tight = BudgetPlanner.thinCores(Duration.ofMinutes(10),
                new BudgetPlanner.Candidate(Profile.DEFAULT, epyc, List.of(), java.util.Set.of(8, 64)),
                c -> c.cores().size() * 600_000L);
        assertEquals(List.of(1, 8, 64, 128), tight.cores());
        // Within the length, nothing goes.
        assertEquals(epyc, BudgetPlanner.thinCores(Duration.ofHours(2),
                new BudgetPlanner.Candidate(Profile.DEFAULT, epyc, List.of(), java.util.Set.of(8, 64)),
                c -> c.cores().size() * 600_000L).cores());
    }
}
