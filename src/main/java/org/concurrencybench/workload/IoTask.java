package org.concurrencybench.workload;

import java.net.InetSocketAddress;

/**
 * An I/O-bound task: opens its own connection to the echo server and makes {@code roundTrips}
 * request/response round trips of {@code bytes} bytes, each a blocking call, then closes it: a
 * {@link MixedTask} without the CPU work ({@link EchoSteps}).
 *
 * @param seed       decides the bytes sent
 * @param roundTrips request/response exchanges on the one connection
 * @param bytes      size of each request (and so of each reply)
 * @param server     the echo server, on a loopback address
 */
public record IoTask(long seed, int roundTrips, int bytes, InetSocketAddress server) implements Task {

    public IoTask {
        if (roundTrips < 0) {
            throw new IllegalArgumentException("I/O round trips must be >= 0, got " + roundTrips);
        }
        EchoSteps.requireMessageSize(bytes);
    }

    @Override
    public long run(ExecutionHooks hooks) throws Exception {
        return EchoSteps.run(seed, roundTrips, 0, bytes, server, hooks);
    }
}
