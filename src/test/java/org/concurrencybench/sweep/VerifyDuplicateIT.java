package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.CpuTopology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.concurrencybench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code verify} fails a cell listed twice, the copy with a time of 1e6 ms. */
class VerifyDuplicateIT {

    @TempDir
    Path dir;

    @Test
    void aCellListedTwiceFailsVerify() throws Exception {
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--quick", "--cores", "1,2", "--models", "SEQUENTIAL", "--workloads", "CPU",
                "--spread", "NONE", "--no-python", "--label", "t", "--results", dir.resolve("results").toString(),
                "--charts", dir.resolve("charts").toString());
        SweepSettings settings = SweepSettings.resolve(command.request(),
                CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0, 1))));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new Sweep(settings, new PrintStream(console, true, StandardCharsets.UTF_8),
                ChildSweep.fakeJava(dir, "").toString(), dir.resolve("jmh.lock")).run(false);
        RunFolder folder = new RunFolder(settings.run().runDir());
        assertTrue(RunCheck.check(folder).clean(), console.toString());

        ObjectMapper json = new ObjectMapper();
        ArrayNode results = (ArrayNode) json.readTree(folder.coresFile(2).toFile());
        ObjectNode copy = results.get(0).deepCopy();
        ((ObjectNode) copy.get("primaryMetric")).set("rawData", json.readTree("[[1e6,1e6,1e6]]"));
        results.add(copy);
        json.writeValue(folder.coresFile(2).toFile(), results);

        RunCheck.Summary summary = RunCheck.check(folder);
        assertEquals(List.of("cores=2 ModelBenchmark.batch model=SEQUENTIAL tasks=32 workload=CPU: FAILED: not measurable:"
                + " 2 results for one cell in cores-2.json (a cell is measured once)"), summary.problems());
        assertEquals(SweepCommand.CELLS_FAILED, new CommandLine(new VerifyCommand()).execute(folder.dir().toString()));
        assertTrue(Files.isRegularFile(folder.machineFile()));
    }
}
