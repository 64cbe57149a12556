package org.concurrencybench.workload;

import java.net.InetSocketAddress;

/**
 * An I/O-bound task: opens its own connection to the echo server and makes {@code roundTrips}
 * request/response round trips of {@code bytes} bytes, each a blocking call, then closes it.
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
        if (bytes < 1) {
            throw new IllegalArgumentException("I/O message size must be >= 1 byte, got " + bytes);
        }
    }

    @Override
    public long run(ExecutionHooks hooks) throws Exception {
        long checksum = EchoPayload.initial(seed);
        try (EchoConnection connection = EchoConnection.open(server, bytes, hooks)) {
            for (int r = 0; r < roundTrips; r++) {
                checksum = connection.roundTrip(seed, r, checksum, hooks);
            }
        }
        return checksum;
    }
}
