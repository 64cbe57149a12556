package org.concurrencybench.report.sections;

import java.util.Optional;
import org.concurrencybench.report.input.WorkloadGroups;

/**
 * What limits a workload, in words, for the workloads whose limit is not the obvious one: memory
 * bandwidth for MEMORY, the shared lock for CONTENDED (not the GIL, which only GLOBAL_LOCK adds),
 * and for a user's own task what the event loop and the simulated GIL do with it. The verdicts
 * above say what was measured; these say why the curve is shaped so.
 */
final class WorkloadNotes {

    private WorkloadNotes() {
    }

    static Optional<String> of(String group) {
        String workload = group.split(" ", 2)[0];
        if (WorkloadGroups.isUser(group)) {
            return Optional.of("Your own task (" + group.substring(WorkloadGroups.USER.length()).trim() + ","
                    + " org.concurrencybench.api.UserTask). Under EVENT_LOOP it runs inline on the loop thread: a"
                    + " blocking call inside it stalls every other task of the batch, as one in an asyncio coroutine"
                    + " does. Under GLOBAL_LOCK the lock changes hands only at its Hooks.checkpoint() and around its"
                    + " Hooks.blocking(...) calls; a task that calls neither holds it to the end, like a C extension"
                    + " that never releases the GIL. Every model's checksum was checked against sequential code's"
                    + " before measuring.");
        }
        return switch (workload) {
            case "MEMORY" -> Optional.of("What limits it: memory bandwidth. Each task streams 16 MiB of a 64 MiB"
                    + " array, far beyond a core's L2 cache, so the cores wait on DRAM; adding cores helps only"
                    + " until the memory channels are full. That point is where a server with many channels and a"
                    + " laptop with two part ways. Under GLOBAL_LOCK one task streams at a time.");
            case "CONTENDED" -> Optional.of("What limits it: the shared lock. Each task's CPU units run in parallel,"
                    + " but after each one it updates one table under one lock shared by every task of the JVM: the"
                    + " waits are the USL's sigma, the table's cache lines moving between cores its kappa, and on"
                    + " many cores the curve bends down. PROCESS_POOL's workers each have their own table and lock,"
                    + " so they never wait for one another (processes share nothing).");
            default -> Optional.empty();
        };
    }
}
