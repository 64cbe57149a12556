package org.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * The lean worker jar holds every class a worker needs: a worker JVM started from the lean jar
 * alone ({@link WorkerJarTest#fatJar} cut down by {@link WorkerJar}) runs every kind of task to the
 * checksum the task gives in this JVM. A class a worker loads from a package
 * {@link WorkerJar#PACKAGES} leaves out fails here with NoClassDefFoundError in the worker.
 */
class WorkerJarIT {

    @TempDir
    Path temp;

    @Test
    void aWorkerStartedFromTheLeanJarRunsEveryKindOfTask() throws Exception {
        Path lean = WorkerJar.lean(WorkerJarTest.fatJar(temp), temp);
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
}
