package org.concurrencybench.sweep.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.concurrencybench.results.SuiteBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commit a run's machine file names: the jar's own first, a checkout's second. */
class MachineProbeTest {

    @TempDir
    Path noCheckout;

    @Test
    void theJarsRecordedCommitWinsOverTheFolderItLiesIn() {
        // The project's own checkout has a commit of its own; the jar's record is what ran.
        assertEquals("abc123def456", MachineProbe.suiteCommit(new SuiteBuild("0.1", "abc123def456"), Path.of(".")));
    }

    @Test
    void aJarWithoutARecordOutsideACheckoutIsUnknown() {
        assertEquals("unknown", MachineProbe.suiteCommit(new SuiteBuild(null, null), noCheckout));
    }
}
