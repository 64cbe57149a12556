package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The capacity sweep's lower bound on a batch's time, per model. */
class BatchTimePredictorTest {

    private static final Duration TEN_MS = Duration.ofMillis(10);

    @Test
    void sequentialWaitsForEveryTaskInTurn() {
        assertEquals(Duration.ofSeconds(1), BatchTimePredictor.predict(Model.SEQUENTIAL, 100, TEN_MS, 0, 2));
    }

    @Test
    void poolsWaitInRoundsOfTheirSize() {
        // The example: 2 threads, 100,000 sleeps of 10 ms: 500 s, over 8 minutes.
        assertEquals(Duration.ofSeconds(500), BatchTimePredictor.predict(Model.FIXED_POOL, 100_000, TEN_MS, 0, 2));
        // ceil(10 / 3) = 4 rounds
        for (Model pool : new Model[] {Model.FIXED_POOL, Model.FORK_JOIN, Model.GLOBAL_LOCK, Model.PROCESS_POOL}) {
            assertEquals(Duration.ofMillis(40), BatchTimePredictor.predict(pool, 10, TEN_MS, 3, 8), pool.name());
        }
    }

    @Test
    void aThreadOrCallbackPerTaskWaitsOnce() {
        for (Model perTask : new Model[] {Model.THREAD_PER_TASK, Model.VIRTUAL_THREADS, Model.EVENT_LOOP}) {
            assertEquals(TEN_MS, BatchTimePredictor.predict(perTask, 100_000, TEN_MS, 0, 2), perTask.name());
        }
    }

    @Test
    void aProcessPerTaskPaysEveryStartUpAndWaitParallelismAtATime() {
        BatchTimePredictor predictor = new BatchTimePredictor(Duration.ofMillis(50));
        // 5 children, 2 at a time: 3 rounds, each a 50 ms start then the 10 ms wait.
        assertEquals(Duration.ofMillis(180), predictor.lowerBound(Model.PROCESS_PER_TASK, 5, TEN_MS, 0, 2));
        assertEquals(Duration.ofMillis(120), predictor.lowerBound(Model.PROCESS_PER_TASK, 5, TEN_MS, 4, 2));
    }

    @Test
    void everyModelHasABoundAndAnEmptyBatchTakesNoTime() {
        for (Model model : Model.values()) {
            assertTrue(BatchTimePredictor.predict(model, 1000, TEN_MS, 0, 4).compareTo(TEN_MS) >= 0, model.name());
            assertEquals(Duration.ZERO, BatchTimePredictor.predict(model, 0, TEN_MS, 0, 4), model.name());
        }
    }

    @Test
    void rejectsImpossibleInputs() {
        assertThrows(IllegalArgumentException.class, () -> BatchTimePredictor.predict(Model.FIXED_POOL, -1, TEN_MS, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> BatchTimePredictor.predict(Model.FIXED_POOL, 1, TEN_MS, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new BatchTimePredictor(Duration.ofMillis(-1)));
    }
}
