package org.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.MixedTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean worker jar holds every class a worker needs: a jar like the shaded benchmarks jar is
 * made from the compiled classes, cut down by {@link WorkerJar}, and a worker started from the
 * lean jar alone runs every kind of task to the checksum the task gives in this JVM. A class a
 * worker loads from a package {@link WorkerJar#PACKAGES} leaves out fails here with
 * NoClassDefFoundError in the worker.
 */
class WorkerJarTest {

    @TempDir
    Path temp;

    /** A jar of all the suite's compiled classes (target/classes), as the shaded jar holds them. */
    private Path fatJar() throws Exception {
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
        Path lean = WorkerJar.lean(fatJar(), temp);
        try (ZipFile zip = new ZipFile(lean.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains(WorkerMain.class.getName().replace('.', '/') + ".class"), names.toString());
            assertTrue(names.contains(CpuTask.class.getName().replace('.', '/') + ".class"), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/concurrencybench/report/")), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("org/concurrencybench/bench/")), names.toString());
        }
    }

    @Test
    void aWorkerStartedFromTheLeanJarRunsEveryKindOfTask() throws Exception {
        Path lean = WorkerJar.lean(fatJar(), temp);
        // A user's task too: the API's classes must be in the lean jar, the user's come from their own jar.
        Path userJar = org.concurrencybench.workload.TaskJars.build(temp.resolve("user.jar"),
                java.util.Map.of("t.Spin", org.concurrencybench.workload.TaskJars.SPIN));
        org.concurrencybench.api.UserTask spin = org.concurrencybench.workload.user.UserTaskLoader.over(userJar.toString())
                .instantiate("t.Spin");
        WorkerLauncher launcher = new WorkerLauncher(WorkerLauncher.Lifetime.LONG_LIVED, false,
                List.of("-D" + org.concurrencybench.workload.user.UserTaskLoader.CLASS_PATH_PROPERTY + "=" + userJar),
                Duration.ofSeconds(60));
        try (EchoServer echo = EchoServer.start();
             WorkerProcess worker = WorkerProcess.start(launcher.command(lean.toString()), Duration.ofSeconds(60))) {
            worker.awaitReady();
            List<Task> tasks = List.of(new CpuTask(11, 3), new SleepTask(12, 1),
                    new IoTask(13, 2, 64, echo.address()), new MixedTask(14, 2, 1, 64, echo.address()),
                    new org.concurrencybench.workload.MemoryTask(15, 256),
                    new org.concurrencybench.workload.ContendedTask(16, 3),
                    new org.concurrencybench.workload.user.UserTaskCall("t.Spin", 17, spin));
            for (Task task : tasks) {
                assertEquals(task.run(ExecutionHooks.NONE), worker.run(task), task.toString());
            }
            worker.closeInput();
            assertEquals(0, worker.awaitExit(), "the worker exits cleanly when its input closes");
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
