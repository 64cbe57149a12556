package org.concurrencybench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JSON stays with the run folder's readers: a JSON tree ({@code JsonNode} and its kinds) is walked
 * only in {@code results}, where files are read into typed records, and the suite has one
 * configured mapper ({@code results.JsonMapping}), so no file is read with other settings.
 */
class JsonConfinementTest {

    private static final Path MAIN = Path.of("src/main/java/org/concurrencybench");
    private static final Pattern TREE = Pattern.compile("\\b(JsonNode|ObjectNode|ArrayNode)\\b");
    private static final Pattern NEW_MAPPER = Pattern.compile("new ObjectMapper\\(|JsonMapper\\.builder\\(|new JsonMapper\\(");

    @Test
    void jsonTreesAreWalkedOnlyByTheReaders() throws IOException {
        assertEquals(List.of(), matching(TREE, path -> !path.startsWith(MAIN.resolve("results"))));
    }

    @Test
    void theSuiteHasOneConfiguredMapper() throws IOException {
        assertEquals(List.of(MAIN.resolve("results/JsonMapping.java").toString()),
                matching(NEW_MAPPER, path -> true));
    }

    private static List<String> matching(Pattern pattern, java.util.function.Predicate<Path> where) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(where).filter(p -> {
                try {
                    return pattern.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
        }
    }
}
