package org.concurrencybench.sweep.machine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hanging {@code --python}'s version probe times out and leaves no child running. */
public class HangingProbeIT {

    @TempDir
    Path dir;

    @Test
    void aProbeThatHangsLeavesNothingBehind() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path hanging = dir.resolve("hanging-python");
        Files.writeString(hanging, "#!/bin/sh\nsleep 300 &\necho $! > " + pidFile + "\nwait\n");
        assertTrue(hanging.toFile().setExecutable(true));
        assertNull(MachineProbe.command(List.of(hanging.toString(), "-c", "print(1)"), null));
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(running(child), "the probe's child " + child);
    }

    /** Whether a process runs: a killed one may stay a zombie until its new parent reaps it. */
    public static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            try {
                String text = Files.readString(stat);
                if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                    return false;
                }
            } catch (java.io.IOException gone) {
                return false;
            }
            Thread.sleep(100);
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
