package org.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's files between runs (archives, the lean jar) stay in one bounded cache folder, named
 * by content, and loose ones in the temporary folder go: otherwise every build adds a set.
 */
class SuiteCacheTest {

    @TempDir
    Path tmp;

    private static Path aged(Path file, Duration age) throws Exception {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void theCacheIsBoundedAndTheOldLooseFilesGo() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve(SuiteCache.FOLDER));
        for (int i = 0; i < 30; i++) {
            aged(cache.resolve("worker-" + i + ".jsa"), Duration.ofDays(2).plusMinutes(i));
        }
        Path recent = aged(cache.resolve("jmh-fork-new.jsa"), Duration.ofMinutes(1));
        Path looseOld = aged(tmp.resolve("concurrencybench-jmh-fork-1a2b.jsa"), Duration.ofDays(1));
        Path looseJar = aged(tmp.resolve("concurrencybench-worker-0123456789abcdef.jar"), Duration.ofDays(3));
        Path someoneElses = aged(tmp.resolve("other.jsa"), Duration.ofDays(3));
        SuiteCache.prune(tmp);
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(SuiteCache.MAX_ENTRIES, left.count());
        }
        assertTrue(Files.exists(recent), "used within the hour: kept");
        assertTrue(Files.exists(cache.resolve("worker-0.jsa")), "the most recently used of the old ones stay");
        assertFalse(Files.exists(cache.resolve("worker-29.jsa")), "the least recently used go");
        assertFalse(Files.exists(looseOld));
        assertFalse(Files.exists(looseJar));
        assertTrue(Files.exists(someoneElses), "only the suite's own files");
    }

    @Test
    void aRebuiltJarOfTheSameBytesReusesItsLeanJar() throws Exception {
        Path jar = tmp.resolve("benchmarks.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry(WorkerMain.class.getName().replace('.', '/') + ".class"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        Path cache = SuiteCache.folder(tmp);
        Path first = WorkerJar.lean(jar, cache);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // "rebuilt", same bytes
        assertEquals(first, WorkerJar.lean(jar, cache));
        assertTrue(first.startsWith(tmp.resolve(SuiteCache.FOLDER)), first.toString());
    }

    @Test
    void helpNamesTheCacheFolderAndItsBound() {
        java.io.StringWriter help = new java.io.StringWriter();
        new picocli.CommandLine(new org.concurrencybench.sweep.SweepCommand()).usage(new java.io.PrintWriter(help));
        assertTrue(help.toString().contains("$TMPDIR/concurrencybench-cache"), help.toString());
        assertTrue(help.toString().contains("at most 16 files and 512 MB"), help.toString());
    }
}
