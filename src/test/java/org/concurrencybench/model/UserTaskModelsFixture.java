package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.workload.TaskJars;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.user.UserTaskCall;
import org.concurrencybench.workload.user.UserTaskLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars of a user's tasks, built once here, for the tests that run them under the models
 * ({@link UserTaskModelsTest} in this JVM, {@link UserTaskProcessModelsIT} in worker JVMs), and the
 * checks both make of every model: sequential code's checksum, and a task that throws failing the
 * batch with its own exception.
 */
abstract class UserTaskModelsFixture {

    @TempDir
    static Path dir;
    static String classPath;

    @BeforeAll
    static void buildJars() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path mixer = TaskJars.build(lib.resolve("mixer.jar"), Map.of("m.Mixer",
                "package m; public final class Mixer { public static long mix(long x) { return Long.rotateLeft(x * 0xBF58476D1CE4E5B9L, 27) ^ 99; } }"));
        TaskJars.build(dir.resolve("tasks.jar"), Map.of(
                "t.Spin", TaskJars.SPIN,
                "t.Nap", TaskJars.NAP,
                "t.UsesLib", """
                        package t;
                        public class UsesLib implements org.concurrencybench.api.UserTask {
                            public long run(long seed, org.concurrencybench.api.Hooks hooks) { return m.Mixer.mix(seed); }
                        }""",
                "t.KeepsAThread", """
                        package t;
                        public class KeepsAThread implements org.concurrencybench.api.UserTask {
                            public KeepsAThread() {
                                Thread server = new Thread(() -> { try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { } });
                                server.setDaemon(false);
                                server.start();
                            }
                            public long run(long seed, org.concurrencybench.api.Hooks hooks) { return seed * 3; }
                        }""",
                "t.Fails", """
                        package t;
                        public class Fails implements org.concurrencybench.api.UserTask {
                            public long run(long seed, org.concurrencybench.api.Hooks hooks) {
                                if (seed % 3 == 2) throw new IllegalArgumentException("bad record " + seed);
                                return seed;
                            }
                        }"""), mixer);
        classPath = dir.resolve("tasks.jar") + File.pathSeparator + lib + File.separator + "*";
        // Worker JVMs load users' classes from this property, as a benchmark's fork passes it on.
        System.setProperty(UserTaskLoader.CLASS_PATH_PROPERTY, classPath);
    }

    @org.junit.jupiter.api.AfterAll
    static void forgetTheClassPath() {
        System.clearProperty(UserTaskLoader.CLASS_PATH_PROPERTY);
    }

    @AfterEach
    void noWorkerIsLeft() {
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }

    static List<Task> batch(String className, int tasks) throws Exception {
        UserTask task = UserTaskLoader.over(classPath).instantiate(className);
        return UserTaskCall.batch(className, task, tasks, 1_000);
    }

    static long run(Model model, List<Task> batch) {
        try (ModelRunner runner = model.newRunner(RunnerSettings.withParallelism(2))) {
            return runner.runBatch(batch);
        }
    }

    static void assertSequentialsChecksum(Model model) throws Exception {
        for (String className : List.of("t.Spin", "t.Nap")) {
            List<Task> batch = batch(className, 5);
            assertEquals(run(Model.SEQUENTIAL, batch), run(model, batch), className + " under " + model);
        }
    }

    static void assertFailsNamingItsException(Model model) throws Exception {
        List<Task> batch = batch("t.Fails", 4);
        BatchFailedException e = assertThrows(BatchFailedException.class, () -> run(model, batch));
        assertTrue(e.getMessage().contains("IllegalArgumentException") && e.getMessage().contains("bad record 1001"),
                model + ": " + e.getMessage());
    }
}
