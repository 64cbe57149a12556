package org.concurrencybench.sweep.cpython;

import org.concurrencybench.sweep.SweepCommand;
import org.concurrencybench.sweep.SweepSettings;
import org.concurrencybench.sweep.machine.CpuTopology;
import org.concurrencybench.sweep.plan.Profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's CPython step, with stand-ins for python: which interpreter it takes, which forms and
 * workloads it asks for, the CPU units fixed by the first core count, and a runner that fails
 * leaving a file that says why (so the report shows FAILED, not a gap).
 */
class CpythonStepTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** A stand-in python: answers the version probe with {@code probe}; as the runner, runs {@code body}. */
    private Path fakePython(String probe, String body) throws Exception {
        Path fake = dir.resolve("fake-python-" + Math.abs((probe + body).hashCode()));
        Files.writeString(fake, """
                #!/bin/sh
                if [ "$1" = "-c" ]; then echo "%s"; exit 0; fi
                echo "$@" >> "%s"
                out=""; prev=""
                for a in "$@"; do [ "$prev" = "--out" ] && out="$a"; prev="$a"; done
                %s
                """.formatted(probe, dir.resolve("calls.txt"), body));
        assertTrue(fake.toFile().setExecutable(true));
        return fake;
    }

    private CpythonStep step(CpythonInterpreter python, List<Model> models, List<Workload> workloads,
                             boolean convoy) throws Exception {
        Path script = dir.resolve("run_cpython.py");
        Files.writeString(script, "# stand-in\n");
        return new CpythonStep(python, script, Profile.QUICK, models, workloads, convoy, false,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void interpreterIsChosenOrRefusedWithOneLine() throws Exception {
        assertFalse(CpythonInterpreter.find(null, true).present());
        assertTrue(CpythonInterpreter.find(null, true).note().contains("--no-python"));
        Path old = fakePython("3.8.10 0 1", "");
        IllegalArgumentException tooOld = assertThrows(IllegalArgumentException.class,
                () -> CpythonInterpreter.find(old.toString(), false));
        assertEquals("--python " + old + ": expected a CPython 3.9 or newer, but it is Python 3.8.10",
                tooOld.getMessage());
        CpythonInterpreter free = CpythonInterpreter.find(fakePython("3.13.1 1 0", "").toString(), false);
        assertTrue(free.present() && free.freeThreaded(), free.toString());
        assertTrue(free.note().contains("free-threaded"), free.note());
        assertFalse(CpythonInterpreter.find(dir.resolve("no-such-python").toString() + "-x", true).present());
    }

    @Test
    void pythonAndNoPythonExcludeEachOther() {
        SweepCommand command = new SweepCommand();
        new picocli.CommandLine(command).parseArgs("--python", "python3", "--no-python");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepSettings.resolve(command.request(), CpuTopology.read(Path.of("/nonexistent"),
                        new java.util.TreeSet<>(List.of(0, 1)))));
        assertEquals("--python and --no-python exclude each other; give one", e.getMessage());
    }

    @Test
    void formsFollowTheChosenModelsByShape() throws Exception {
        CpythonInterpreter gil = new CpythonInterpreter("python3", "3.11.7", false, "");
        CpythonStep step = step(gil, List.of(Model.SEQUENTIAL, Model.GLOBAL_LOCK, Model.FIXED_POOL),
                List.of(Workload.CPU, Workload.MIXED), true);
        List<String> command = step.command(2, "0,1", dir.resolve("out.json"), 1, 5);
        String line = String.join(" ", command);
        // FIXED_POOL brings the interpreter pool: the companion says in one line where the interpreter lacks it.
        assertTrue(line.contains("--forms sequential,ThreadPoolExecutor,InterpreterPoolExecutor --workloads CPU,CONVOY"),
                line);
        assertEquals(3 + 2, step.benchmarks(), "3 forms x CPU, and a quick look's convoy: 0 and 1 CPU threads at 5 ms");
        assertTrue(line.contains("--cpu-threads 0,1 --switch-intervals 5000 "), "the JVM's quick-look convoy: " + line);
        CpythonStep full = new CpythonStep(gil, dir.resolve("run_cpython.py"), Profile.DEFAULT, List.of(Model.GLOBAL_LOCK),
                List.of(), true, false, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals(9, full.benchmarks(), "the default profile's convoy: 0, 1, 2 CPU threads x 3 intervals");
        assertTrue(String.join(" ", full.command(2, "0,1", dir.resolve("out.json"), 1, 5))
                .contains("--cpu-threads 0,1,2 --switch-intervals 5000,1000,100"));
        CpythonInterpreter free = new CpythonInterpreter("python3.13t", "3.13.1", true, "");
        String freeLine = String.join(" ", step(free, List.of(Model.FIXED_POOL), List.of(Workload.CPU), false)
                .command(1, "0", dir.resolve("out.json"), 1, 5));
        assertTrue(freeLine.contains("--forms ThreadPoolExecutor"), "a free-threaded pool pairs with FIXED_POOL: " + freeLine);
        CpythonStep freeConvoy = step(free, List.of(Model.FIXED_POOL), List.of(), true);
        assertTrue(String.join(" ", freeConvoy.command(1, "0", dir.resolve("out.json"), 1, 5))
                .contains("--cpu-threads 0,1 --switch-intervals 5000 --tasks 32"), "no lock to switch: CPython's interval only");
        assertEquals(2, freeConvoy.benchmarks());
        assertTrue(step(gil, List.of(Model.FORK_JOIN), List.of(Workload.CPU), false).benchmarks() == 0);
        CpythonStep noScript = new CpythonStep(gil, dir.resolve("missing.py"), Profile.QUICK, List.of(Model.SEQUENTIAL),
                List.of(Workload.CPU), false, false, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertFalse(noScript.active());
        assertTrue(noScript.note().contains("missing.py is missing"), noScript.note());
    }

    @Test
    void firstCoreCountFixesTheCpuUnitsForTheRest() throws Exception {
        Path python = fakePython("3.11.7 1 1",
                "echo '{\"format\":\"concurrencybench-cpython/1\",\"cpuUnits\":7,\"benchmarks\":[],\"failed\":[]}' > \"$out\"");
        CpythonStep step = step(new CpythonInterpreter(python.toString(), "3.11.7", false, ""),
                List.of(Model.SEQUENTIAL), List.of(Workload.CPU), false);
        Files.createDirectories(dir.resolve("run").resolve("logs"));
        Files.writeString(dir.resolve("run").resolve("cores-1.json"), "[{\"benchmark\":\"org.concurrencybench.bench"
                + ".ModelBenchmark.batch\",\"params\":{\"model\":\"SEQUENTIAL\",\"workload\":\"CPU\",\"tasks\":\"64\"},"
                + "\"primaryMetric\":{\"score\":128.0}}]");
        Path run = dir.resolve("run");
        Path round = Files.createDirectories(run.resolve("rounds").resolve("round-1.partial"));
        // Round 1: the JVM's time from the round's own JMH file (nothing pooled yet), written into the round.
        Files.move(run.resolve("cores-1.json"), round.resolve("cores-1-models.json"));
        step.run(1, "0", run, round.resolve("cpython-cores-1.json"),
                List.of(run.resolve("cores-1.json"), round.resolve("cores-1-models.json")), 1);
        step.run(2, "0,1", run, round.resolve("cpython-cores-2.json"), List.of(run.resolve("cores-2.json")), 1);
        List<String> calls = Files.readAllLines(dir.resolve("calls.txt"));
        assertTrue(calls.get(0).contains("--task-ms 2.000") && !calls.get(0).contains("--cpu-units"), calls.get(0));
        assertTrue(calls.get(0).contains("--timing 1,"), "one trial per benchmark in a round: " + calls.get(0));
        assertTrue(calls.get(1).contains("--cpu-units 7"), "the first visit's units, from its file: " + calls.get(1));
        assertTrue(Files.isRegularFile(round.resolve("cpython-cores-2.json")));
        assertFalse(Files.exists(run.resolve("cpython-cores-2.json")), "the round's file only");
    }

    @Test
    void aFailedRunnerLeavesAFileSayingWhy() throws Exception {
        Path python = fakePython("3.11.7 1 1", "echo 'Traceback ...'; echo 'OSError: boom' >&2; exit 3");
        CpythonStep step = step(new CpythonInterpreter(python.toString(), "3.11.7", false, ""),
                List.of(Model.SEQUENTIAL), List.of(Workload.CPU), false);
        Files.createDirectories(dir.resolve("run").resolve("logs"));
        step.run(1, "0", dir.resolve("run"), dir.resolve("run").resolve("cpython-cores-1.json"), List.of(), 1);
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("run").resolve("cpython-cores-1.json").toFile());
        assertEquals("the CPython runner exited 3: OSError: boom", doc.get("runnerFailure").asText());
        assertTrue(console.toString().contains("cpython at 1 cores FAILED"), console.toString());
    }

    @Test
    void aFormThisPythonLacksIsSaidOnceByNameAndIsNoFailure() throws Exception {
        String lacking = "{\\\"benchmark\\\":\\\"cpython.batch\\\",\\\"params\\\":{\\\"form\\\":\\\"InterpreterPoolExecutor\\\",\\\"workload\\\":\\\"%s\\\"},"
                + "\\\"reason\\\":\\\"not available in CPython 3.11 (why)\\\"}";
        String broken = "{\\\"benchmark\\\":\\\"cpython.batch\\\",\\\"params\\\":{\\\"form\\\":\\\"asyncio\\\",\\\"workload\\\":\\\"IO\\\"},"
                + "\\\"reason\\\":\\\"OSError: boom\\\"}";
        Path python = fakePython("3.11.7 1 1", "echo \"{\\\"format\\\":\\\"concurrencybench-cpython/1\\\",\\\"cpuUnits\\\":7,"
                + "\\\"benchmarks\\\":[],\\\"failed\\\":[" + lacking.formatted("CPU") + "," + lacking.formatted("SLEEP") + ","
                + broken + "]}\" > \"$out\"");
        CpythonStep step = step(new CpythonInterpreter(python.toString(), "3.11.7", false, ""),
                List.of(Model.SEQUENTIAL), List.of(Workload.CPU), false);
        Files.createDirectories(dir.resolve("run").resolve("logs"));
        step.run(1, "0", dir.resolve("run"), dir.resolve("run").resolve("cpython-cores-1.json"), List.of(), 1);
        String text = console.toString();
        assertTrue(text.contains("cpython: 0 measured, 1 failed, InterpreterPoolExecutor not available in this CPython,"),
                text);
        assertTrue(text.contains("FAILED: OSError: boom"), text);
        assertFalse(text.contains("FAILED: not available"), text);
    }
}
