package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The build's record of its commit, as the sweep reads it from the jar (or from target/classes); against git itself: {@link SuiteBuildIT}. */
class SuiteBuildTest {

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
