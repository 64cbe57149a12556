package org.concurrencybench.workload;

import java.net.InetSocketAddress;

/**
 * The one shape of {@link IoTask} and {@link MixedTask}: one connection to the echo server, then
 * {@code steps} times some CPU work and one round trip, then close. An I/O task is the case with
 * no CPU work, whose checksum chain is then the round trips' alone (the event loop's own session,
 * {@code eventloop.LoopTasks}, relies on the same).
 */
final class EchoSteps {

    private EchoSteps() {
    }

    static long run(long seed, int steps, int cpuUnitsPerStep, int bytes, InetSocketAddress server,
                    ExecutionHooks hooks) throws Exception {
        long checksum = EchoPayload.initial(seed);
        try (EchoConnection connection = EchoConnection.open(server, bytes, hooks)) {
            for (int step = 0; step < steps; step++) {
                checksum = CpuKernel.run(checksum, cpuUnitsPerStep, hooks);
                checksum = connection.roundTrip(seed, step, checksum, hooks);
            }
        }
        return checksum;
    }

    static void requireMessageSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("I/O message size must be >= 1 byte, got " + bytes);
        }
    }
}
