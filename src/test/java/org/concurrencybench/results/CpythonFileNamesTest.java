package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.concurrencybench.results.cpython.CpythonRoundPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPython's file names in a run folder: a run of one interpreter keeps {@code cpython-cores-N.json};
 * a run of several names each interpreter by version and build ({@code cpython-3.13t-cores-2.json}),
 * and the folder lists the interpreters and each one's core counts apart.
 */
class CpythonFileNamesTest {

    @TempDir
    Path run;

    @Test
    void aRunOfOneKeepsItsNamesAndSeveralAreNamedByVersionAndBuild() {
        RunFolder folder = new RunFolder(run);
        assertEquals("cpython-cores-2.json", folder.cpythonFile(2).getFileName().toString());
        assertEquals("cpython-cores-2.json", folder.cpythonFile(null, 2).getFileName().toString());
        assertEquals("cpython-3.13t-cores-2.json", folder.cpythonFile("3.13t", 2).getFileName().toString());
        assertEquals("cpython-3.11-cores-1.log", folder.cpythonLogFile("3.11", 1).getFileName().toString());
        RoundFiles rounds = new RoundFiles(run);
        assertEquals(rounds.round(3).resolve("cpython-3.11-cores-1.json"), rounds.cpythonFile(3, "3.11", 1));
        assertEquals(rounds.partialRound(3).resolve("cpython-cores-1.json"), rounds.partialCpythonFile(3, 1));
    }

    @Test
    void labelsSayVersionAndBuild() {
        assertEquals("3.11", CpythonLabels.of("3.11.7", false));
        assertEquals("3.13t", CpythonLabels.of("3.13.0", true));
        assertEquals("3.14", CpythonLabels.of("3.14.0rc1", false));
        List<String> sorted = Arrays.asList("3.13t", "3.9", "3.13", "3.11");
        sorted.sort(CpythonLabels.ORDER);
        assertEquals(List.of("3.9", "3.11", "3.13", "3.13t"), sorted);
    }

    @Test
    void theFolderListsEachInterpretersCoreCountsApart() throws Exception {
        RunFolder folder = new RunFolder(run);
        assertEquals(List.of(), folder.cpythonLabels());
        for (String name : List.of("cpython-3.13-cores-1.json", "cpython-3.13-cores-2.json", "cpython-3.11-cores-2.json",
                "cpython-3.13t-cores-4.json", "cores-2.json", "cpython-3.13-cores-2.json.partial")) {
            Files.writeString(run.resolve(name), "{}");
        }
        assertEquals(Arrays.asList("3.11", "3.13", "3.13t"), folder.cpythonLabels());
        assertEquals(List.of(1, 2), List.copyOf(folder.cpythonCoreCounts("3.13")));
        assertEquals(List.of(2), List.copyOf(folder.cpythonCoreCounts("3.11")));
        assertTrue(folder.cpythonCoreCounts().isEmpty(), "no file of a run of one");
        Files.writeString(run.resolve("cpython-cores-1.json"), "{}");
        assertEquals(Arrays.asList(null, "3.11", "3.13", "3.13t"), folder.cpythonLabels());
        assertEquals(List.of(1), List.copyOf(folder.cpythonCoreCounts()));
    }

    @Test
    void roundsOfEachInterpreterArePooledIntoItsOwnFile() throws Exception {
        RoundFiles files = new RoundFiles(run);
        files.start(1);
        String doc = """
                {"format":"concurrencybench-cpython/1","cores":1,"benchmarks":[],"failed":[]}""";
        Files.writeString(files.partialCpythonFile(1, "3.11", 1), doc);
        files.finish(1);
        assertTrue(files.cpythonInRounds());
        RunFolder folder = new RunFolder(run);
        assertTrue(CpythonRoundPool.write(files, folder, "3.11", 1));
        assertFalse(CpythonRoundPool.write(files, folder, "3.13", 1), "no round of 3.13");
        assertFalse(CpythonRoundPool.write(files, folder, 1), "no round of a run of one");
        assertTrue(Files.isRegularFile(folder.cpythonFile("3.11", 1)));
        assertEquals(List.of("3.11"), folder.cpythonLabels());
    }
}
