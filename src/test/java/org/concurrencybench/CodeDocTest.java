package org.concurrencybench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/code.md draws the layer table that {@link LayerTest} enforces: the same rows, in the same order. */
class CodeDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| (`[a-z.]+`(?:, `[a-z.]+`)*) \\|$", Pattern.MULTILINE);

    @Test
    void theDocumentedLayersAreTheTestedOnes() throws IOException {
        String doc = Files.readString(Path.of("docs/code.md"));
        List<List<String>> documented = new ArrayList<>();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            assertEquals(documented.size() + 1, Integer.parseInt(row.group(1)), "layers numbered in order");
            documented.add(Arrays.stream(row.group(2).split(", ")).map(p -> p.replace("`", "")).toList());
        }
        assertEquals(LayerTest.LAYERS, documented, "docs/code.md's layer table against LayerTest.LAYERS");
    }
}
