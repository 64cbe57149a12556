package org.concurrencybench.report.compare;

import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.sections.compare.UnpairedCells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    private final RunResults laptopRun = RunReader.read(Fixtures.run("laptop"));
    private final RunResults serverRun = RunReader.read(Fixtures.run("server"));
    private final ScalingAnalysis analysis = new ScalingAnalysis(0.95);
    private final RunComparison comparison = RunComparison.of("laptop", analysis.analyse(laptopRun, w -> { }),
            "server", analysis.analyse(serverRun, w -> { }));

    private static double[] raw(RunResults run, int cores, String model, String workload) {
        return run.of("ModelBenchmark", cores).stream()
                .filter(r -> r.param("model", "").equals(model) && r.param("workload", "").equals(workload))
                .findFirst().orElseThrow().primary().samples();
    }

    private static double[][] forks(RunResults run, int cores, String model, String workload) {
        return run.of("ModelBenchmark", cores).stream()
                .filter(r -> r.param("model", "").equals(model) && r.param("workload", "").equals(workload))
                .findFirst().orElseThrow().primary().forks();
    }

    @Test
    void theEstimateIsTheLogRatioOfRoundMeansNeverOfIterations() {
        // the fixtures have 2 forks of 3 iterations: 2 round means a side are the replicates
        for (ComparisonRow row : comparison.rows()) {
            double a = java.util.Arrays.stream(forks(laptopRun, row.coresA(), row.model(), row.group()))
                    .mapToDouble(f -> Math.log(java.util.Arrays.stream(f).average().orElseThrow())).average().orElseThrow();
            double b = java.util.Arrays.stream(forks(serverRun, row.coresB(), row.model(), row.group()))
                    .mapToDouble(f -> Math.log(java.util.Arrays.stream(f).average().orElseThrow())).average().orElseThrow();
            assertEquals(b - a, row.estimate().logRatio(), 1e-12, row.model() + " " + row.group());
            assertEquals(2, row.roundsA());
            assertTrue(row.ratioLow() > 0);
        }
    }

    @Test
    void changesAndPerCoreMatchHandComputation() {
        ComparisonRow sameCores = comparison.rows().stream()
                .filter(r -> r.group().equals("CPU") && r.model().equals("SEQUENTIAL") && r.coresA() == 2)
                .findFirst().orElseThrow();
        assertEquals(-20.0, sameCores.timeChangePercent(), 1e-6); // the server fixture is 0.8x the laptop's times
        assertEquals(0.8, sameCores.ratio().value(), 1e-9);

        ComparisonRow most = comparison.rows().stream()
                .filter(r -> r.group().equals("CPU") && r.model().equals("SEQUENTIAL") && r.mostCores())
                .findFirst().orElseThrow();
        assertEquals(4, most.coresA());
        assertEquals(8, most.coresB());
        // per core: (100 ms * 4 cores) / (80 ms * 8 cores) = 0.625
        assertEquals(-37.5, most.perCoreChangePercent(), 1e-6);
    }

    @Test
    void everyIntervalIsAtTheFamilysAdjustedLevel() {
        int m = comparison.rows().size();
        double level = comparison.intervalLevel();
        long answered = comparison.rows().stream().filter(r -> !r.cannotTell()).count();
        // step-up: R cells answered at level 1 - R alpha / m, or Bonferroni's 1 - alpha / m with none
        assertEquals(answered == 0 ? 1 - 0.05 / m : 1 - answered * 0.05 / m, level, 1e-12);
        for (ComparisonRow row : comparison.rows()) {
            assertEquals(row.estimate().interval(level), row.ratio());
        }
    }

    @Test
    void rankingHoldsWhenEveryTimeScalesAlike() {
        RankingAgreement atTwo = comparison.rankings().stream()
                .filter(r -> r.group().equals("CPU") && r.coresA() == 2 && r.coresB() == 2).findFirst().orElseThrow();
        assertTrue(atTwo.sameOrder());
        assertEquals(1.0, atTwo.kendallTau(), 1e-12);
        assertEquals("MY_MODEL", atTwo.orderA().get(0));
    }

    @Test
    void rankingChangeIsDetected(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
        // A planted change: the server's FIXED_POOL on CPU at 8 cores made ten times slower, so it
        // drops from the first place to the last; every other time stays as the fixture has it.
        java.nio.file.Path server = temp.resolve("server");
        java.nio.file.Files.createDirectories(server);
        try (var files = java.nio.file.Files.list(Fixtures.run("server"))) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Files.copy(file, server.resolve(file.getFileName()));
            }
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode results = json.readTree(server.resolve("cores-8.json").toFile());
        for (com.fasterxml.jackson.databind.JsonNode result : results) {
            if (result.path("params").path("model").asText().equals("FIXED_POOL")
                    && result.path("params").path("workload").asText().equals("CPU")) {
                for (com.fasterxml.jackson.databind.JsonNode fork : result.path("primaryMetric").path("rawData")) {
                    for (int i = 0; i < fork.size(); i++) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) fork).set(i, fork.get(i).asDouble() * 10);
                    }
                }
            }
        }
        json.writeValue(server.resolve("cores-8.json").toFile(), results);
        RunComparison changed = RunComparison.of("laptop", analysis.analyse(laptopRun, w -> { }),
                "server", analysis.analyse(RunReader.read(server), w -> { }));
        RankingAgreement before = comparison.rankings().stream()
                .filter(r -> r.group().equals("CPU") && r.coresA() == 4 && r.coresB() == 8).findFirst().orElseThrow();
        RankingAgreement after = changed.rankings().stream()
                .filter(r -> r.group().equals("CPU") && r.coresA() == 4 && r.coresB() == 8).findFirst().orElseThrow();
        assertEquals("FIXED_POOL", before.orderB().get(0), before.toString());
        assertEquals("FIXED_POOL", after.orderB().get(after.orderB().size() - 1), after.toString());
        assertFalse(after.sameOrder(), "the swap is detected: " + after);
        assertTrue(after.kendallTau() < before.kendallTau(), before.kendallTau() + " -> " + after.kendallTau());
        assertFalse(after.orderA().contains("MY_MODEL"), "MY_MODEL has no 4-core score");
    }

    @Test
    void modelsOnlyOneRunHasAreNamedNotDroppedSilently(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        // A planted difference: the server's MY_MODEL results taken out, every file else as the fixture has it.
        java.nio.file.Path server = temp.resolve("server");
        java.nio.file.Files.createDirectories(server);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var files = java.nio.file.Files.list(Fixtures.run("server"))) {
            for (java.nio.file.Path file : files.toList()) {
                com.fasterxml.jackson.databind.JsonNode node = json.readTree(file.toFile());
                if (node.isArray()) {
                    com.fasterxml.jackson.databind.node.ArrayNode kept = json.createArrayNode();
                    node.forEach(r -> {
                        if (!r.path("params").path("model").asText().equals("MY_MODEL")) {
                            kept.add(r);
                        }
                    });
                    node = kept;
                }
                json.writeValue(server.resolve(file.getFileName()).toFile(), node);
            }
        }
        String line = UnpairedCells.unpairedModels("laptop", analysis.analyse(laptopRun, w -> { }),
                "server", analysis.analyse(RunReader.read(server), w -> { }));
        assertTrue(line != null && line.contains("only laptop has MY_MODEL"), String.valueOf(line));
        assertEquals(null, UnpairedCells.unpairedModels("laptop", analysis.analyse(laptopRun, w -> { }),
                "server", analysis.analyse(serverRun, w -> { })), "the same models: nothing to say");
    }
}
