package org.concurrencybench.report.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/**
 * With a temporary folder that takes no files, javax.imageio's cache fails ("Can't create cache
 * file!"), which would read as the output folder's fault. The PNG is encoded in memory, so it
 * needs no cache file at all.
 */
class ChartFilesCacheTest {

    @TempDir
    Path dir;

    private File cacheBefore;

    @AfterEach
    void restoreCache() {
        ImageIO.setCacheDirectory(cacheBefore);
    }

    @Test
    void aPngIsWrittenWhenTheTemporaryFolderTakesNoFiles() throws Exception {
        // A cache folder that is gone by the time a PNG is encoded: no file can be made in it,
        // whoever runs the test (root writes into read-only folders).
        Path gone = Files.createDirectory(dir.resolve("tmp-gone"));
        cacheBefore = ImageIO.getCacheDirectory();
        ImageIO.setCacheDirectory(gone.toFile());
        Files.delete(gone);
        Path out = Files.createDirectory(dir.resolve("charts"));
        XYChart xy = new XYChart(200, 100);
        xy.addSeries("SEQUENTIAL", new double[] {1, 2}, new double[] {3, 4});
        ChartFiles.write(new ReportChart("cpu-time", "CPU time", xy, List.of("SEQUENTIAL")), out,
                Set.of(OutputFormat.PNG));
        assertTrue(Files.size(out.resolve("cpu-time.png")) > 0);
    }
}
