package org.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.concurrencybench.workload.CpuTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean worker jar: a jar like the shaded benchmarks jar is made from the compiled classes and
 * cut down by {@link WorkerJar} to the worker's packages. That a worker started from it runs every
 * kind of task is {@link WorkerJarIT}.
 */
class WorkerJarTest {

    @TempDir
    Path temp;

    /** A jar of all the suite's compiled classes (target/classes), as the shaded jar holds them, in {@code temp}. */
    static Path fatJar(Path temp) throws Exception {
        Path classes = Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = temp.resolve("benchmarks.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theLeanJarHoldsTheWorkersPackagesOnly() throws Exception {
        Path lean = WorkerJar.lean(fatJar(temp), temp);
        try (ZipFile zip = new ZipFile(lean.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains(WorkerMain.class.getName().replace('.', '/') + ".class"), names.toString());
            assertTrue(names.contains(CpuTask.class.getName().replace('.', '/') + ".class"), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/concurrencybench/report/")), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/concurrencybench/bench/")), names.toString());
        }
    }

    @Test
    void packagesAreNamedByClassesAndMatchNoSubpackage() {
        assertEquals(List.of("org.concurrencybench.process", "org.concurrencybench.workload",
                "org.concurrencybench.workload.user", "org.concurrencybench.api"), WorkerJar.PACKAGES);
        assertTrue(WorkerJar.belongs("org/concurrencybench/process/WorkerMain.class"));
        assertTrue(WorkerJar.belongs("org/concurrencybench/workload/CpuTask$1.class"));
        assertTrue(WorkerJar.belongs("org/concurrencybench/workload/user/UserTaskLoader.class"));
        assertFalse(WorkerJar.belongs("org/concurrencybench/report/RunReader.class"));
        assertFalse(WorkerJar.belongs("org/concurrencybench/Main.class"));
    }
}
