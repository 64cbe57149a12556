package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.workload.TaskJars;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.user.UserTaskCall;
import org.concurrencybench.workload.user.UserTaskLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The examples users copy (examples/java/src) compile against the API and keep the contract under
 * every model: the same checksum as sequential code, from a fresh instance too (a worker's own).
 */
class ExampleTasksTest {

    @TempDir
    static Path dir;
    static String classPath;

    @BeforeAll
    static void buildExamples() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : List.of("Sha256Task", "HttpGetTask")) {
            sources.put("example." + name, Files.readString(Path.of("examples/java/src/example/" + name + ".java")));
        }
        classPath = TaskJars.build(dir.resolve("examples.jar"), sources).toString();
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"FIXED_POOL", "VIRTUAL_THREADS", "GLOBAL_LOCK", "EVENT_LOOP", "FORK_JOIN"})
    void everyExampleGivesSequentialsChecksum(Model model) throws Exception {
        for (String className : List.of("example.Sha256Task", "example.HttpGetTask")) {
            UserTask task = UserTaskLoader.over(classPath).instantiate(className);
            UserTask another = UserTaskLoader.over(classPath).instantiate(className);
            try {
                List<Task> batch = UserTaskCall.batch(className, task, 6, 40);
                long expected;
                try (ModelRunner sequential = Model.SEQUENTIAL.newRunner(RunnerSettings.withParallelism(2))) {
                    expected = sequential.runBatch(UserTaskCall.batch(className, another, 6, 40));
                }
                try (ModelRunner runner = model.newRunner(RunnerSettings.withParallelism(2))) {
                    assertEquals(expected, runner.runBatch(batch), className + " under " + model);
                }
            } finally {
                for (UserTask t : List.of(task, another)) {
                    if (t instanceof AutoCloseable closeable) {
                        closeable.close();
                    }
                }
            }
        }
    }
}
