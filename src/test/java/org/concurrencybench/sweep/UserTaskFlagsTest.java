package org.concurrencybench.sweep;

import static org.concurrencybench.sweep.CommandLines.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.Cell;
import org.concurrencybench.sweep.plan.SweepPlan;
import org.concurrencybench.workload.TaskJars;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --task-jar}/{@code --task}: a good class becomes a workload of its own at every core
 * count; every bad one is one line and exit 2 before anything runs. Nothing here runs JMH.
 */
class UserTaskFlagsTest {

    @TempDir
    static Path dir;
    static String jar;

    @BeforeAll
    static void buildJar() throws Exception {
        jar = TaskJars.build(dir.resolve("tasks.jar"), Map.of(
                "t.Spin", TaskJars.SPIN,
                "t.NotATask", "package t; public class NotATask { }",
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
                        }""",
                "t.BadStatic", """
                        package t;
                        public class BadStatic implements org.concurrencybench.api.UserTask {
                            static final int SIZE = Integer.parseInt("lots");
                            public long run(long seed, org.concurrencybench.api.Hooks hooks) { return seed; }
                        }""")).toString();
    }

    @Test
    void aTaskClassRunsAsItsOwnWorkloadBesideTheBuiltInOnes() {
        SweepSettings settings = resolve("--label", "box", "--no-python", "--task-jar", jar, "--task", "t.Spin",
                "--task-timeout", "30", "--models", "SEQUENTIAL,FIXED_POOL");
        assertEquals(List.of("t.Spin"), settings.plan().userTasks().classes());
        assertEquals(SweepSettings.DEFAULT_WORKLOADS, settings.plan().workloads(), "--workloads still picks the built-in ones");
        SweepPlan.Step step = SweepSteps.of(settings).everyCount().stream()
                .filter(s -> s.name().equals("user-tasks")).findFirst().orElseThrow();
        List<Cell> cells = step.cells();
        assertEquals(2, cells.size());
        assertTrue(cells.stream().allMatch(c -> c.params().get("workload").equals("USER")
                && c.params().get("task").equals("t.Spin")), cells.toString());
        List<String> forkArgs = step.options().forkJvmArgs();
        assertTrue(forkArgs.contains("-Dconcurrencybench.task.classPath=" + Path.of(jar).toAbsolutePath()),
                forkArgs.toString());
        assertTrue(forkArgs.contains("-Dconcurrencybench.task.timeoutSeconds=30"), forkArgs.toString());
    }

    @Test
    void workloadsUserRunsOnlyTheUsersTasks() {
        SweepSettings settings = resolve("--no-python", "--task-jar", jar, "--task", "t.Spin", "--workloads", "USER");
        assertEquals(List.of(), settings.plan().workloads());
        assertFalse(settings.plan().convoy());
        assertEquals(List.of("user-tasks"), SweepSteps.of(settings).everyCount().stream().map(SweepPlan.Step::name).toList());
    }

    private static String refusal(String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(args));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void everyBadClassIsOneLineNamingIt() {
        assertEquals("task class t.Missing not found in --task-jar " + jar,
                refusal("--no-python", "--task-jar", jar, "--task", "t.Missing"));
        assertEquals("task class t.NotATask does not implement org.concurrencybench.api.UserTask",
                refusal("--no-python", "--task-jar", jar, "--task", "t.NotATask"));
        assertEquals("task class t.NeedsArgument has no public no-argument constructor",
                refusal("--no-python", "--task-jar", jar, "--task", "t.NeedsArgument"));
        assertEquals("task class t.Explodes: its constructor threw java.lang.IllegalStateException: no config file",
                refusal("--no-python", "--task-jar", jar, "--task", "t.Explodes"));
        // A static initializer's failure is refused with its cause.
        assertEquals("task class t.BadStatic: its static initializer threw java.lang.NumberFormatException: For input"
                + " string: \"lots\"", refusal("--no-python", "--task-jar", jar, "--task", "t.BadStatic"));
    }

    @Test
    void flagsThatNeedEachOtherSaySo() {
        assertTrue(refusal("--no-python", "--task", "t.Spin").contains("--task-jar"));
        assertTrue(refusal("--no-python", "--task-jar", jar).contains("--task CLASS"));
        assertTrue(refusal("--no-python", "--workloads", "USER").contains("--task-jar"));
        assertTrue(refusal("--no-python", "--task-jar", dir.resolve("none.jar").toString(), "--task", "t.Spin")
                .contains("none.jar does not exist"));
        assertTrue(refusal("--no-python", "--python-task", "m:f").contains("no CPython"));
    }

    @Test
    void theSweepExitsWithTwoAndOneLineBeforeAnythingRuns() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new SweepCommand()).execute("--no-python", "--results", dir.resolve("r").toString(),
                    "--task-jar", jar, "--task", "t.Explodes");
        } finally {
            System.setErr(saved);
        }
        assertEquals(2, exit);
        assertEquals("run-benchmarks.sh: task class t.Explodes: its constructor threw java.lang.IllegalStateException:"
                + " no config file", err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(dir.resolve("r").toFile().exists(), "no run folder was made");
    }

    @Test
    void aResumedRunKeepsItsTasksAndTheirCells() {
        // The plan read back from machine.json (what verify and --resume use) holds the same user cells.
        SweepSettings settings = resolve("--no-python", "--task-jar", jar, "--task", "t.Spin", "--workloads", "CPU,USER",
                "--models", "SEQUENTIAL");
        org.concurrencybench.results.MachineInfo machine = MachineDescription.of(settings, null);
        assertTrue(machine.plan().workloads().contains(Workload.USER.name()));
        List<Cell> planned = org.concurrencybench.sweep.plan.PlannedRun.of(machine, dir.resolve("machine.json"))
                .stepsAt(4).stream().flatMap(s -> s.cells().stream()).toList();
        assertTrue(planned.stream().anyMatch(c -> "t.Spin".equals(c.params().get("task"))), planned.toString());
        assertTrue(planned.stream().anyMatch(c -> "CPU".equals(c.params().get("workload"))), planned.toString());
    }
}
