package org.concurrencybench.sweep.jmh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The one stop protocol of the sweep's children (JMH's host, CPython's companion). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ChildProcessIT {

    @Test
    void stopEndsTheChildAndWhatItStartedAndNothingStartsAfter() throws Exception {
        ChildProcess child = new ChildProcess();
        // A shell that starts a grandchild and waits for it, as JMH waits for its forks.
        Process process = child.start(new ProcessBuilder("sh", "-c", "sleep 600 & wait"));
        assertNotNull(process);
        while (process.descendants().findAny().isEmpty() && process.isAlive()) {
            Thread.onSpinWait();
        }
        ProcessHandle grandchild = process.descendants().findFirst().orElseThrow();
        child.stop();
        assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the child ended");
        assertTrue(grandchild.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS) != null);
        assertFalse(grandchild.isAlive(), "and what it started");
        assertTrue(child.stopped());
        assertNull(child.start(new ProcessBuilder("true")), "once stopped, nothing more starts");
    }
}
