package org.concurrencybench.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.Cell;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;

class RoundOrderTest {

    private static final Map<Integer, List<SweepPlan.Step>> PLAN = plan();

    private static Map<Integer, List<SweepPlan.Step>> plan() {
        Map<Integer, List<SweepPlan.Step>> plan = new LinkedHashMap<>();
        for (int cores : List.of(1, 2, 4)) {
            plan.put(cores, SweepPlan.stepsFor(Profile.DEFAULT, List.of(Model.values()), List.of(Workload.values()), true));
        }
        return plan;
    }

    /** The round's cells in the order they run: visit by visit, and inside a step JMH's nested loops over the -p values. */
    private static List<String> order(List<RoundOrder.Visit> visits) {
        List<String> cells = new ArrayList<>();
        for (RoundOrder.Visit visit : visits) {
            for (Cell cell : visit.step().cells()) {
                cells.add(visit.cores() + " " + visit.step().name() + " " + cell);
            }
        }
        return cells;
    }

    @Test
    void everyCellRunsOncePerRound() {
        Set<String> planned = new HashSet<>();
        PLAN.forEach((cores, steps) -> steps.forEach(step -> step.cells()
                .forEach(cell -> planned.add(cores + " " + step.name() + " " + cell))));
        for (int round = 1; round <= 5; round++) {
            List<String> cells = order(RoundOrder.of(42, round, PLAN));
            assertEquals(planned.size(), cells.size(), "round " + round + " runs each cell once");
            assertEquals(planned, new HashSet<>(cells));
        }
    }

    @Test
    void eachRoundIsShuffledDifferentlyVisitsAndParameterValuesAlike() {
        Set<List<String>> visitOrders = new HashSet<>();
        Set<List<String>> modelOrders = new HashSet<>();
        for (int round = 1; round <= 6; round++) {
            List<RoundOrder.Visit> visits = RoundOrder.of(42, round, PLAN);
            visitOrders.add(visits.stream().map(v -> v.cores() + " " + v.step().name()).toList());
            visits.stream().filter(v -> v.step().name().equals("models") && v.cores() == 1)
                    .forEach(v -> modelOrders.add(v.step().params().get("model")));
        }
        assertEquals(6, visitOrders.size(), "six rounds, six orders of core counts and steps");
        assertEquals(6, modelOrders.size(), "six rounds, six orders of the models inside one JMH invocation");
        // The shuffled step runs the same cells as the planned one, in its shuffled order.
        RoundOrder.Visit models = RoundOrder.of(42, 1, PLAN).stream().filter(v -> v.step().name().equals("models"))
                .findFirst().orElseThrow();
        SweepPlan.Step planned = PLAN.get(models.cores()).stream().filter(s -> s.name().equals("models"))
                .findFirst().orElseThrow();
        assertEquals(new HashSet<>(planned.cells()), new HashSet<>(models.step().cells()));
        assertEquals(planned.options(), models.step().options());
    }

    @Test
    void theSameSeedRepeatsTheSameOrderAndAnotherSeedDoesNot() {
        for (int round = 1; round <= 3; round++) {
            assertEquals(order(RoundOrder.of(7, round, PLAN)), order(RoundOrder.of(7, round, PLAN)));
            assertNotEquals(order(RoundOrder.of(7, round, PLAN)), order(RoundOrder.of(8, round, PLAN)));
        }
    }

    private static final List<Integer> CPYTHON_CORES = List.of(1, 2, 4);

    private static List<String> visitNames(List<RoundOrder.Visit> visits) {
        return visits.stream().map(v -> v.cores() + " " + v.name()).toList();
    }

    @Test
    void twoInterpretersAreTwoVisitsAtEachCoreCountOfEveryRound() {
        List<String> pythons = List.of("3.11", "3.13");
        for (int round = 1; round <= 3; round++) {
            List<RoundOrder.Visit> visits = RoundOrder.of(42, round, PLAN, CPYTHON_CORES, pythons);
            List<String> cpython = visits.stream().filter(RoundOrder.Visit::isCpython)
                    .map(v -> v.cores() + " " + v.name()).sorted().toList();
            assertEquals(List.of("1 cpython 3.11", "1 cpython 3.13", "2 cpython 3.11", "2 cpython 3.13",
                    "4 cpython 3.11", "4 cpython 3.13"), cpython, "round " + round + ": each interpreter at each count");
            if (round == 1) {
                assertTrue(visits.subList(visits.size() - cpython.size(), visits.size()).stream()
                        .allMatch(RoundOrder.Visit::isCpython), "round 1: every interpreter after the JMH steps");
            }
        }
        assertEquals(visitNames(RoundOrder.of(42, 2, PLAN, CPYTHON_CORES)), visitNames(RoundOrder.of(42, 2, PLAN,
                CPYTHON_CORES, java.util.Collections.singletonList(null))), "a run of one keeps its order");
    }

    @Test
    void everyRoundVisitsCpythonOncePerCoreCountAfterTheJmhStepsInRoundOneAmongThemLater() {
        int interleaved = 0;
        Set<List<String>> orders = new HashSet<>();
        for (int round = 1; round <= 6; round++) {
            List<RoundOrder.Visit> visits = RoundOrder.of(42, round, PLAN, CPYTHON_CORES);
            List<Integer> cpythonAt = visits.stream().filter(RoundOrder.Visit::isCpython).map(RoundOrder.Visit::cores)
                    .sorted().toList();
            assertEquals(CPYTHON_CORES, cpythonAt, "round " + round + ": CPython once at each core count");
            assertEquals(order(RoundOrder.of(42, round, PLAN)).size(),
                    order(visits.stream().filter(v -> !v.isCpython()).toList()).size(), "and every JMH cell once");
            int firstCpython = visits.indexOf(visits.stream().filter(RoundOrder.Visit::isCpython).findFirst().orElseThrow());
            if (round == 1) {
                assertEquals(visits.size() - CPYTHON_CORES.size(), firstCpython, "round 1: CPython after JMH "
                        + visitNames(visits));
                assertEquals(order(RoundOrder.of(42, 1, PLAN)), order(visits.subList(0, firstCpython)),
                        "round 1's JMH order is the order without CPython");
            } else if (firstCpython < visits.size() - CPYTHON_CORES.size()) {
                interleaved++;
            }
            orders.add(visitNames(visits));
        }
        assertTrue(interleaved >= 3, "from round 2 CPython's visits fall among the JMH steps: " + interleaved + " of 5");
        assertEquals(6, orders.size(), "six rounds, six orders");
    }

    @Test
    void cpythonVisitsKeepTheSeedsOrder() {
        for (int round = 1; round <= 4; round++) {
            assertEquals(visitNames(RoundOrder.of(7, round, PLAN, CPYTHON_CORES)),
                    visitNames(RoundOrder.of(7, round, PLAN, CPYTHON_CORES)));
            assertNotEquals(visitNames(RoundOrder.of(7, round, PLAN, CPYTHON_CORES)),
                    visitNames(RoundOrder.of(8, round, PLAN, CPYTHON_CORES)));
        }
    }
}
