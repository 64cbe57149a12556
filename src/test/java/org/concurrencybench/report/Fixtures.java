package org.concurrencybench.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The checked-in result folders under {@code src/test/resources/report}, and copies to alter. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path run(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/report/" + name + "/machine.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a fixture run folder under {@code target}, for a test that alters files. */
    public static Path copy(String name, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(run(name))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
