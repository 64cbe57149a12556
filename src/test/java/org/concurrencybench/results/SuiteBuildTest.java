package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The build's record of its commit, as the sweep reads it from the jar (or from target/classes). */
class SuiteBuildTest {

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

    @Test
    void blankOrMissingFactsAreUnknown() {
        Properties properties = new Properties();
        properties.setProperty("git.commit.id.describe", " ");

        SuiteBuild build = SuiteBuild.of(properties);

        assertNull(build.commit());
        assertNull(build.version());
        assertEquals("concurrency-models-bench (version unknown), commit unknown", build.describe());
    }

    @Test
    void describesTheVersionAndTheCommit() {
        Properties properties = new Properties();
        properties.setProperty("git.commit.id.describe", "dd81d3f62be3-dirty");
        properties.setProperty("git.build.version", "0.1.0");

        assertEquals("concurrency-models-bench 0.1.0, commit dd81d3f62be3-dirty", SuiteBuild.of(properties).describe());
    }
}
