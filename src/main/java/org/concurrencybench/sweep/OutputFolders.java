package org.concurrencybench.sweep;

import org.concurrencybench.sweep.plan.SweepException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before the first measurement, that the sweep can write where its results and its report
 * go, so that an unwritable {@code --charts} is found before the run, not after every core count. The
 * check writes and removes a small file in each folder (creating the folder, as the sweep would):
 * permissions, a read-only mount, a path through a file and a full quota all show up so.
 */
final class OutputFolders {

    private OutputFolders() {
    }

    /** Refuses in one line, naming the flag and the folder, if either cannot be written. */
    static void check(Path resultsDir, Path chartsDir) {
        probe("--results", resultsDir);
        probe("--charts", chartsDir);
    }

    private static void probe(String flag, Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".concurrencybench-write-check", "");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new SweepException(flag + " " + dir + ": cannot write there (" + why + "); choose a folder you can"
                    + " write. Nothing was measured");
        }
    }
}
