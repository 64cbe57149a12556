package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code machine.json} read by Jackson's record binding: tolerant of older and newer files, one
 * line naming the file and the field where a value has the wrong type.
 */
class MachineInfoTest {

    @TempDir
    Path temp;

    private Path machineFile(String json) throws Exception {
        Path run = Files.createDirectories(temp.resolve("20261128-101010-box"));
        return Files.writeString(run.resolve(RunFolder.MACHINE), json);
    }

    @Test
    void anEmptyObjectTakesTheFoldersNameAndEmptyLists() throws Exception {
        MachineInfo machine = MachineInfo.read(machineFile("{}"));
        assertEquals("20261128-101010-box", machine.runId());
        assertEquals(MachineInfo.SCHEMA, machine.schema());
        assertEquals(List.of(), machine.plan().coreCounts());
        assertEquals(List.of("NONE"), machine.plan().spreads(), "a file without spreads measured even batches only");
        assertEquals(Map.of(), machine.plan().params());
        assertEquals(Map.of(), machine.pinning().cpusByCoreCount());
        assertNull(machine.pinning().pinned());
        assertNull(machine.plan().budget());
    }

    @Test
    void nullListsReadAsEmptyAndUnknownFieldsAreIgnored() throws Exception {
        MachineInfo machine = MachineInfo.read(machineFile("""
                {"runId": "r", "coreCounts": null, "models": ["SEQUENTIAL"], "comingInAFutureVersion": 7,
                 "stateBefore": {"governor": "performance", "newFact": true}}"""));
        assertEquals("r", machine.runId());
        assertEquals(List.of(), machine.plan().coreCounts());
        assertEquals(List.of("SEQUENTIAL"), machine.plan().models());
        assertEquals("performance", machine.machine().stateBefore().governor());
        assertEquals(List.of(), machine.machine().stateBefore().loadAverage());
    }

    @Test
    void aWrongTypeNamesTheFileAndTheField() throws Exception {
        Path file = machineFile("{\"physicalCores\": \"four\"}");
        RunFolderException wrong = assertThrows(RunFolderException.class, () -> MachineInfo.read(file));
        assertTrue(wrong.getMessage().startsWith(file + ": field physicalCores: "), wrong.getMessage());
        assertEquals(1, wrong.getMessage().lines().count());

        Path nested = machineFile("{\"budget\": {\"coreCounts\": \"all\"}}"); // layout 1 named as the file has it
        RunFolderException deep = assertThrows(RunFolderException.class, () -> MachineInfo.read(nested));
        assertTrue(deep.getMessage().startsWith(nested + ": field budget.coreCounts: "), deep.getMessage());
    }

    @Test
    void aWrongTypeInTheCurrentLayoutNamesThePartAndTheField() throws Exception {
        Path file = machineFile("{\"schema\": 2, \"machine\": {\"physicalCores\": \"four\"}}");
        RunFolderException wrong = assertThrows(RunFolderException.class, () -> MachineInfo.read(file));
        assertTrue(wrong.getMessage().startsWith(file + ": field machine.physicalCores: "), wrong.getMessage());
    }

    @Test
    void aBudgetWithAFieldOfANewerSweepStillReads() throws Exception {
        MachineInfo machine = MachineInfo.read(machineFile("""
                {"budget": {"budget": "3m", "budgetMillis": 180000, "fromANewerSweep": 1}}"""));
        assertEquals("3m", machine.plan().budget().budget());
    }

    @Test
    void notAnObjectIsNamed() throws Exception {
        Path file = machineFile("[1, 2]");
        RunFolderException wrong = assertThrows(RunFolderException.class, () -> MachineInfo.read(file));
        assertEquals(file + ": expected a JSON object describing the machine, found array", wrong.getMessage());
        Path truncated = machineFile("{\"runId\": ");
        assertTrue(assertThrows(RunFolderException.class, () -> MachineInfo.read(truncated)).getMessage()
                .contains("truncated JSON"));
    }

    @Test
    void whatIsWrittenReadsBackEqual() throws Exception {
        MachineInfo machine = Machines.of("runId", "r", "label", "box", "physicalCores", 4, "pinned", true,
                "coreCounts", List.of(1, 2), "cpusByCoreCount", Map.of("1", "0", "2", "0,1"),
                "params", Map.of("cpuUnits", "770"), "openFilesLimit", 4096L,
                "budget", new MachineInfo.Budget("3m", 180_000, 170_000, 1, 1, 200, 2, 200, List.of(1), List.of()));
        Path file = machineFile("{}");
        machine.write(file);
        assertEquals(machine, MachineInfo.read(file));
    }

    @Test
    void finishingChangesOnlyTheFinishAndTheStateAfter() {
        MachineInfo started = Machines.of("runId", "r", "startedAt", "2026-11-28T10:00:00Z", "coreCounts", List.of(1, 2),
                "params", Map.of("cpuUnits", "770"));
        MachineInfo.State after = new MachineInfo.State("2026-11-28T10:10:00Z", "performance", "off", List.of(0.1),
                List.of(), 0L, null, null);
        MachineInfo finished = started.withFinishedAt("2026-11-28T10:10:00Z").withStateAfter(after);
        assertEquals("2026-11-28T10:10:00Z", finished.finishedAt());
        assertEquals(after, finished.machine().stateAfter());
        assertEquals(started, Machines.of("runId", "r", "startedAt", "2026-11-28T10:00:00Z", "coreCounts", List.of(1, 2),
                "params", Map.of("cpuUnits", "770")), "the original is unchanged");
        assertEquals(started.plan().coreCounts(), finished.plan().coreCounts());
        assertEquals(started.plan().params(), finished.plan().params());
        assertNull(started.finishedAt());
    }

    @Test
    void aFileWithoutACpuLayoutLabelsCoresAsBeforeAndALayoutRoundTrips() throws Exception {
        MachineInfo old = MachineInfo.read(machineFile("{\"runId\": \"r\", \"physicalCores\": 4, \"coreCounts\": [4, 8]}"));
        assertNull(old.pinning().cpuLayout());
        assertEquals("8 (logical CPUs, 2 per core)", old.coreLabel(8));
        assertEquals("4", old.coreAxisLabel(4));

        CpuLayout layout = new CpuLayout(List.of(new CpuLayout.Boundary(4, "the P-cores", "the E-cores join")),
                Map.of("8", new CpuLayout.CoreCount("8 (+4 E)", "8 (+4 E)",
                        List.of(new CpuLayout.Cpu(8, "E", 0, 0, 0, false)))));
        Path file = temp.resolve("with-layout.json");
        old.withCpuLayout(layout).write(file);
        MachineInfo read = MachineInfo.read(file);
        assertEquals(layout, read.pinning().cpuLayout());
        assertEquals("8 (+4 E)", read.coreLabel(8));
        assertEquals("4", read.coreLabel(4)); // not in the layout: as before
        assertTrue(Files.readString(file).contains("\"crossing\" : \"the E-cores join\""));
    }
}
