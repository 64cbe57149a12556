package org.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.ExecutionHooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real worker JVMs: the protocol end to end, and each way a worker can fail as a process giving a
 * clear {@link WorkerFailedException} (pid, exit code, stderr tail) instead of a hang.
 */
class WorkerProcessIT {

    /** Debug tasks on; no CDS archive (the tests' class path has directories, which CDS refuses). */
    static final WorkerLauncher DEBUG_LAUNCHER = WorkerLauncher.standard(WorkerLauncher.Lifetime.ONE_TASK)
            .withSharedArchive(false)
            .withAnswerTimeout(Duration.ofSeconds(60))
            .withExtraJvmArgs("-D" + DebugTask.ENABLE_PROPERTY + "=true");

    @AfterEach
    void noWorkerIsLeft() {
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }

    @Test
    void aWorkerRunsTasksInTurnAndExitsWhenItsInputCloses() throws Exception {
        try (WorkerProcess worker = DEBUG_LAUNCHER.startReady()) {
            for (int seed = 0; seed < 3; seed++) {
                CpuTask task = new CpuTask(seed, 2);
                assertEquals(task.run(ExecutionHooks.NONE), worker.run(task));
            }
            worker.closeInput();
            assertEquals(0, worker.awaitExit());
        }
    }

    @Test
    void aRealWorkerAnswersAnUnknownKindAndAMalformedFrameWithErrorFrames() throws Exception {
        Process process = new ProcessBuilder(DEBUG_LAUNCHER.withExtraJvmArgs().command()).start();
        try (OutputStream stdin = process.getOutputStream()) {
            DataOutputStream out = new DataOutputStream(stdin);
            WireFormat.writeFrame(out, WireFormat.TYPE_TASK, new byte[] {0x71}); // HANG, but debug is off
            out.write("garbage!".getBytes());
            out.flush();
            DataInputStream in = new DataInputStream(process.getInputStream());
            assertEquals(WireFormat.TYPE_READY, WireFormat.readFrame(in).type());
            WireFormat.Frame unknown = WireFormat.readFrame(in);
            assertEquals(WireFormat.TYPE_ERROR, unknown.type());
            assertEquals(WireFormat.ERROR_UNKNOWN_TASK_KIND, WireFormat.decodeError(unknown.payload()).code());
            WireFormat.Frame malformed = WireFormat.readFrame(in);
            assertEquals(WireFormat.ERROR_MALFORMED_FRAME, WireFormat.decodeError(malformed.payload()).code());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(WorkerMain.EXIT_MALFORMED_STREAM, process.exitValue());
        } finally {
            process.destroyForcibly().waitFor();
            process.getInputStream().close();
            process.getErrorStream().close();
        }
    }

    @Test
    void aWorkerThatExitsMidTaskIsReportedWithItsExitCode() throws Exception {
        try (WorkerProcess worker = DEBUG_LAUNCHER.startReady()) {
            WorkerFailedException e = assertThrows(WorkerFailedException.class, () -> worker.run(DebugTask.exit(7)));
            assertEquals(worker.pid(), e.pid());
            assertEquals(7, e.exitCode().orElseThrow());
            assertTrue(e.getMessage().contains("worker pid " + worker.pid() + " died while running a task"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("exit code 7"), e.getMessage());
        }
    }

    @Test
    void aWorkerOutOfMemoryDiesAndItsStderrTailSaysWhy() throws Exception {
        try (WorkerProcess worker = DEBUG_LAUNCHER.startReady()) {
            WorkerFailedException e = assertThrows(WorkerFailedException.class,
                    () -> worker.run(DebugTask.of(DebugTask.Action.OUT_OF_MEMORY)));
            assertEquals(3, e.exitCode().orElseThrow(), "ExitOnOutOfMemoryError exits with status 3");
            assertTrue(e.stderrTail().contains("OutOfMemoryError"), e.stderrTail());
            assertTrue(e.getMessage().contains("OutOfMemoryError"), e.getMessage());
        }
    }

    @Test
    void aWorkerThatWritesGarbageIsAProtocolError() throws Exception {
        try (WorkerProcess worker = DEBUG_LAUNCHER.startReady()) {
            WorkerFailedException e = assertThrows(WorkerFailedException.class,
                    () -> worker.run(DebugTask.of(DebugTask.Action.GARBAGE)));
            assertTrue(e.getMessage().contains("broke the protocol"), e.getMessage());
            assertTrue(e.getMessage().contains("this is not a frame"), e.getMessage());
            assertTrue(!worker.isUsable());
        }
    }

    @Test
    void aWorkerThatStopsAnsweringIsTimedOutAndKilled() throws Exception {
        WorkerLauncher impatient = DEBUG_LAUNCHER.withAnswerTimeout(Duration.ofSeconds(3));
        try (WorkerProcess worker = impatient.startReady()) {
            WorkerFailedException e = assertThrows(WorkerFailedException.class,
                    () -> worker.run(DebugTask.of(DebugTask.Action.HANG)));
            assertTrue(e.getMessage().contains("did not answer within PT3S"), e.getMessage());
            assertEquals(137, e.exitCode().orElseThrow(), "killed with SIGKILL");
        }
    }
}
