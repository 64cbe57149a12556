package org.concurrencybench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API is what users compile against, alone: it imports nothing of the suite but itself, so a
 * change anywhere else can never break a user's jar.
 */
class ApiIsolationTest {

    private static final Path API = Path.of("src/main/java/org/concurrencybench/api");

    @Test
    void theApiImportsNothingOfTheSuiteButItself() throws IOException {
        List<String> offending;
        List<Path> sources;
        try (Stream<Path> files = Files.list(API)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() >= 2, "UserTask and Hooks are there");
        offending = sources.stream().flatMap(ApiIsolationTest::lines)
                .filter(line -> line.matches("\\s*import\\s+(static\\s+)?org\\.concurrencybench\\..*"))
                .filter(line -> !line.matches("\\s*import\\s+(static\\s+)?org\\.concurrencybench\\.api\\.[A-Z].*"))
                .toList();
        assertEquals(List.of(), offending);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
