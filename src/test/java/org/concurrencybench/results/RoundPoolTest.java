package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundPoolTest {

    private static final Path ONE_FORK = Path.of("src/test/resources/results/jmh/quick-1-fork.json");

    @TempDir
    Path run;

    /** Round {@code round} with JMH's one-fork file as the models step at {@code cores}, finished or not. */
    private void round(RoundFiles files, int round, int cores, boolean finish) throws Exception {
        files.start(round);
        Files.copy(ONE_FORK, files.partialStepFile(round, cores, "models"));
        if (finish) {
            files.finish(round);
        }
    }

    @Test
    void poolsEveryFinishedRoundsForkInRoundOrderAndLeavesJmhsFilesAlone() throws Exception {
        RoundFiles files = new RoundFiles(run);
        round(files, 1, 2, true);
        round(files, 2, 2, true);
        round(files, 3, 2, false); // killed mid-round: not pooled
        List<BenchmarkResult> jmh = JmhResultFile.read(ONE_FORK);
        List<RoundPool.Pooled> pooled = RoundPool.read(files, 2);
        assertEquals(jmh.size(), pooled.size(), "one pooled entry per cell");
        RoundPool.Pooled first = pooled.get(0);
        assertEquals(List.of(1, 2), first.result().rounds());
        assertEquals(2, first.result().forks());
        List<Double> once = jmh.get(0).primary().rawData().get(0);
        assertEquals(List.of(once, once), first.result().primary().rawData());
        assertEquals(Files.readString(ONE_FORK), Files.readString(files.round(1).resolve("cores-2-models.json")));
        // The pooled entry keeps JMH's shape: it reads back as the same result.
        Path written = run.resolve("cores-2.json");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(written.toFile(),
                pooled.stream().map(RoundPool.Pooled::jmhEntry).toList());
        assertEquals(first.result().primary().rawData(), JmhResultFile.read(written).get(0).primary().rawData());
        assertEquals(java.util.Set.of(2), RoundPool.coreCounts(files));
    }

    @Test
    void aRestartedRoundDropsWhatTheKilledAttemptLeft() throws Exception {
        RoundFiles files = new RoundFiles(run);
        assertFalse(files.exist());
        round(files, 1, 1, false);
        files.start(1);
        assertTrue(Files.isDirectory(files.partialRound(1)));
        assertEquals(0, Files.list(files.partialRound(1)).count());
        assertEquals(java.util.Set.of(), files.finished());
    }
}
