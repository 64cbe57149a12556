package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in a sweep's first second must not exit 130 without a word, leaving a run folder that
 * holds only an empty {@code logs/}, which {@code --resume} cannot use. What an interrupted sweep
 * says, and the only folder it removes.
 */
class SweepInterruptionTest {

    @TempDir
    Path dir;

    @Test
    void aRunFolderWithOnlyAnEmptyLogsFolderIsRemovedAndSaidSo() throws Exception {
        Path run = Files.createDirectories(dir.resolve("r/run-1/logs"));
        assertEquals("Interrupted before the first measurement; nothing to resume: removed " + run.getParent(),
                SweepInterruption.said(run.getParent(), List.of()));
        assertFalse(Files.exists(run.getParent()));
        assertTrue(Files.isDirectory(dir.resolve("r")), "the results folder stays");
    }

    @Test
    void noRunFolderYetSaysNothingWasWritten() {
        assertEquals("Interrupted before the first measurement; nothing was written.",
                SweepInterruption.said(dir.resolve("run-1"), List.of()));
    }

    @Test
    void anythingElseInTheRunFolderKeepsItWithTheWayToResume() throws Exception {
        Path run = dir.resolve("run-1");
        Files.createDirectories(run.resolve("logs"));
        Files.writeString(run.resolve("machine.json"), "{}");
        assertEquals("Interrupted. Kept no finished round in " + run + ".\n"
                + "Go on at the next round with: ./run-benchmarks.sh --resume " + run,
                SweepInterruption.said(run, List.of()));
        assertTrue(Files.exists(run.resolve("machine.json")));

        Path logged = dir.resolve("run-2");
        Files.createDirectories(logged.resolve("logs"));
        Files.writeString(logged.resolve("logs/cores-1.log"), "x");
        SweepInterruption.said(logged, List.of(1));
        assertTrue(Files.exists(logged.resolve("logs/cores-1.log")), "a log is never removed");

        Path other = dir.resolve("run-3");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        SweepInterruption.said(other, List.of());
        assertTrue(Files.exists(other.resolve("notes.txt")));
    }
}
