package org.concurrencybench.workload.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.workload.TaskJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a user's class can be unusable gets one line that names the class and the fault. */
class UserTaskLoaderTest {

    @TempDir
    static Path dir;
    static Path jar;

    @BeforeAll
    static void buildJar() throws Exception {
        jar = TaskJars.build(dir.resolve("tasks.jar"), Map.of(
                "t.Spin", TaskJars.SPIN,
                "t.NotATask", "package t; public class NotATask { public long run(long s) { return s; } }",
                "t.NeedsArgument", """
                        package t;
                        public class NeedsArgument implements org.concurrencybench.api.UserTask {
                            public NeedsArgument(int size) { }
                            public long run(long seed, org.concurrencybench.api.Hooks hooks) { return seed; }
                        }""",
                "t.Explodes", """
                        package t;
                        public class Explodes implements org.concurrencybench.api.UserTask {
                            public Explodes() { throw new IllegalStateException("no config file"); }
                            public long run(long seed, org.concurrencybench.api.Hooks hooks) { return seed; }
                        }"""));
    }

    private static String failure(String className) {
        BadTaskException e = assertThrows(BadTaskException.class,
                () -> UserTaskLoader.over(jar.toString()).instantiate(className));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains(className), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aGoodClassIsBuiltAndRuns() throws Exception {
        UserTask task = UserTaskLoader.over(jar.toString()).instantiate("t.Spin");
        assertEquals(task.run(7, new NoHooks()), task.run(7, new NoHooks()));
        assertTrue(task.run(7, new NoHooks()) != task.run(8, new NoHooks()), "the checksum follows the seed");
    }

    @Test
    void aMissingClassIsNamedWithTheJar() {
        assertTrue(failure("t.Missing").contains("not found in --task-jar " + jar), failure("t.Missing"));
    }

    @Test
    void aClassThatIsNotAUserTask() {
        assertTrue(failure("t.NotATask").contains("does not implement org.concurrencybench.api.UserTask"));
    }

    @Test
    void aClassWithoutANoArgumentConstructor() {
        assertTrue(failure("t.NeedsArgument").contains("has no public no-argument constructor"));
    }

    @Test
    void aConstructorThatThrowsIsNamedWithItsException() {
        assertTrue(failure("t.Explodes").contains("its constructor threw java.lang.IllegalStateException: no config file"),
                failure("t.Explodes"));
    }

    @Test
    void aMissingJarAndAnEmptyFolderAreNamed() throws Exception {
        BadTaskException missing = assertThrows(BadTaskException.class,
                () -> UserTaskLoader.over(dir.resolve("nope.jar").toString()));
        assertTrue(missing.getMessage().contains("nope.jar does not exist"), missing.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        BadTaskException none = assertThrows(BadTaskException.class,
                () -> UserTaskLoader.over(empty + File.separator + "*"));
        assertTrue(none.getMessage().contains("no jar or folder"), none.getMessage());
    }

    @Test
    void aWildcardTakesEveryJarOfItsFolder() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.copy(jar, lib.resolve("a.jar"));
        Files.writeString(lib.resolve("readme.txt"), "not a jar");
        assertEquals(java.util.List.of(lib.resolve("a.jar").toAbsolutePath()),
                UserTaskLoader.entries(lib + File.separator + "*"));
    }

    /** Hooks that do nothing, as the free models give. */
    static final class NoHooks implements org.concurrencybench.api.Hooks {
        @Override
        public void checkpoint() {
        }

        @Override
        public <T> T blocking(java.util.concurrent.Callable<T> call) throws Exception {
            return call.call();
        }
    }
}
