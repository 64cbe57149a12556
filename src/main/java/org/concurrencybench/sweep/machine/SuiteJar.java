package org.concurrencybench.sweep.machine;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the running suite lives: the jar its classes were loaded from ({@code target/benchmarks.jar},
 * or the bundle's copy) and the source tree beside it. The JMH launcher runs that jar, the CPython
 * step finds its companion next to it, and the machine facts read the tree's git commit.
 */
public final class SuiteJar {

    private SuiteJar() {
    }

    /** The jar this class was loaded from. */
    public static Path benchmarksJar() {
        try {
            return Path.of(SuiteJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }

    /** The source tree the jar was built in (target/benchmarks.jar's grandparent), for its git commit. */
    public static Path suiteDir() {
        Path jar = benchmarksJar().toAbsolutePath();
        Path target = jar.getParent();
        return target != null && target.getParent() != null ? target.getParent() : Path.of(".");
    }
}
