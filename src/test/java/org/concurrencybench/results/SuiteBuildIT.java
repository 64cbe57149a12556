package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The commit the build recorded is the one {@code git describe} (a child process) names for this checkout. */
class SuiteBuildIT {

    @Test
    void theBuildRecordsTheCommitGitDescribesForThisCheckout() throws Exception {
        assumeTrue(Files.isDirectory(Path.of(".git")), "a git checkout (a source tarball has none)");
        Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
                .redirectErrorStream(true).start();
        String described = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0, "git runs here: " + described);

        SuiteBuild build = SuiteBuild.ofThisJar();

        assertNotNull(build.commit(), "the build wrote " + SuiteBuild.RESOURCE);
        assertEquals(described, build.commit());
        assertNotNull(build.version());
    }
}
