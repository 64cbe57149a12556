package org.concurrencybench.report.charts;

import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.ReportGenerator;
import org.concurrencybench.report.render.OutputFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.concurrencybench.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Every chart is written as a valid PNG and SVG, and shows exactly the models present: the SVG's
 * description names them, and both files hold each present model's colour and no absent model's.
 */
class ChartOutputTest {

    private static final List<String> ALL_FIVE = List.of("SEQUENTIAL", "FIXED_POOL", "VIRTUAL_THREADS", "GLOBAL_LOCK",
            "MY_MODEL");
    private static final List<String> FOUR = ALL_FIVE.subList(0, 4);

    /**
     * Chart file stem -> the models it must show; no efficiency chart for waits (SLEEP), where it means nothing,
     * and on CPU only the models that can run a task per core (not SEQUENTIAL, GLOBAL_LOCK or an unknown model).
     */
    private static final Map<String, List<String>> SINGLE_RUN = Map.of(
            "cpu-time", ALL_FIVE, "cpu-speedup", ALL_FIVE, "cpu-efficiency", List.of("FIXED_POOL", "VIRTUAL_THREADS"),
            "cpu-bars", FOUR,
            "sleep-time", FOUR, "sleep-speedup", FOUR, "sleep-bars", FOUR,
            "convoy", List.of("FIXED_POOL", "GLOBAL_LOCK"), "capacity-sleep", List.of("THREAD_PER_TASK", "VIRTUAL_THREADS"));
    private static final Map<String, List<String>> COMPARISON = Map.of(
            "compare-cpu-speedup", ALL_FIVE, "compare-sleep-speedup", FOUR);

    @TempDir
    static Path out;

    @BeforeAll
    static void writeReports() {
        System.setProperty("java.awt.headless", "true");
        ReportGenerator generator = new ReportGenerator(0.95, EnumSet.allOf(OutputFormat.class));
        generator.write(ReportGenerator.read(List.of(Fixtures.run("laptop"))), out.resolve("single"), w -> { });
        generator.write(ReportGenerator.read(List.of(Fixtures.run("laptop"), Fixtures.run("server"))),
                out.resolve("compare"), w -> { });
    }

    @Test
    void everySingleRunChartIsValid() throws Exception {
        for (var chart : SINGLE_RUN.entrySet()) {
            checkChart(out.resolve("single"), chart.getKey(), chart.getValue());
        }
    }

    @Test
    void everyComparisonChartIsValid() throws Exception {
        for (var chart : COMPARISON.entrySet()) {
            checkChart(out.resolve("compare"), chart.getKey(), chart.getValue());
        }
        checkChart(out.resolve("compare/server-run"), "cpu-speedup", ALL_FIVE);
    }

    @Test
    void forestPlotMarksTheCellsCalledFaster() throws Exception {
        // the server fixture's times are 0.8x the laptop's: every cell is called faster, none slower
        BufferedImage image = ImageIO.read(out.resolve("compare/compare-forest.png").toFile());
        Set<Integer> pixels = colours(image);
        assertTrue(pixels.contains(0x2E7D32), "faster marker colour");
        assertFalse(pixels.contains(0xC62828), "no slower marker");
        assertTrue(image.getHeight() > ChartStyle.HEIGHT, "one row per cell makes the chart taller");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("compare/compare-forest.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
    }

    @Test
    void realJmhOutputWithTwoCoreCounts() throws Exception {
        // cores-1.json and cores-2.json as JMH 1.37 wrote them in a smoke run (-f 1 -i 3)
        Path directory = out.resolve("smoke");
        new ReportGenerator(0.95, EnumSet.allOf(OutputFormat.class))
                .write(ReportGenerator.read(List.of(Fixtures.run("jmh-smoke"))), directory, w -> { });
        for (String stem : List.of("cpu-time", "cpu-speedup", "cpu-bars")) {
            checkChart(directory, stem, List.of("SEQUENTIAL", "FIXED_POOL"));
        }
        checkChart(directory, "cpu-efficiency", List.of("FIXED_POOL")); // SEQUENTIAL cannot run a task per core
    }

    @Test
    void noUnexpectedChartFiles() throws Exception {
        try (var files = Files.list(out.resolve("single"))) {
            Set<String> stems = new HashSet<>();
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png") || n.endsWith(".svg"))
                    .forEach(n -> stems.add(n.substring(0, n.length() - 4)));
            assertEquals(SINGLE_RUN.keySet(), stems);
        }
    }

    @Test
    void reportFilesWritten() {
        for (String file : List.of("single/report.md", "single/index.html", "single/summary.csv", "compare/report.md",
                "compare/index.html", "compare/summary.csv", "compare/comparison.csv", "single/fits.csv",
                "compare/laptop-run/fits.csv", "compare/laptop-run/report.md",
                "compare/server-run/index.html")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
    }

    private static void checkChart(Path directory, String stem, List<String> models) throws Exception {
        Path png = directory.resolve(stem + ".png");
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(bytes, 8), stem);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, stem);

        Path svgFile = directory.resolve(stem + ".svg");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(svgFile.toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName(), stem);
        String description = svg.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
        assertEquals("Models: " + String.join(", ", models), description, stem);

        String svgText = Files.readString(svgFile);
        Set<Integer> pixels = colours(image);
        for (Model model : Model.values()) {
            Color colour = ModelPalette.colour(model.name());
            boolean present = models.contains(model.name());
            String rgb = "rgb(" + colour.getRed() + "," + colour.getGreen() + "," + colour.getBlue() + ")";
            assertEquals(present, svgText.contains(rgb), stem + ": SVG colour of " + model);
            assertEquals(present, pixels.contains(colour.getRGB() & 0xFFFFFF), stem + ": PNG colour of " + model);
        }
        if (models.contains("MY_MODEL")) {
            assertTrue(pixels.contains(ModelPalette.colour("MY_MODEL").getRGB() & 0xFFFFFF), stem + ": unknown model");
        }
        assertFalse(models.isEmpty());
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }
}
