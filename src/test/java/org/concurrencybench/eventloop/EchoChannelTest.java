package org.concurrencybench.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.workload.EchoPayload;
import org.concurrencybench.workload.EchoServer;
import org.junit.jupiter.api.Test;

/** The non-blocking echo client: a message that goes out and comes back in many parts arrives whole. */
class EchoChannelTest {

    @Test
    void requestsGoOutInPartsAndRepliesComeBackInPartsAndTheChecksumIsTheBlockingOne() throws Exception {
        int bytes = 256 * 1024;
        int roundTrips = 3;
        long seed = 77;
        IoCounters counters = new IoCounters();
        try (EchoServer server = EchoServer.start(new EchoServer.Options(Duration.ZERO, 1024));
             EventLoop loop = new EventLoop("echo-channel-test")) {
            SocketChannel socket = SocketChannel.open();
            socket.configureBlocking(false);
            // A small send buffer: a 256 KiB request cannot go out in one write.
            socket.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
            EchoChannel channel = EchoChannel.wrap(loop, socket, server.address(), bytes, counters);
            CompletableFuture<Long> checksum = new CompletableFuture<>();
            loop.execute(() -> channel.connect().thenCompose(v -> roundTrips(channel, seed, 0, roundTrips,
                    EchoPayload.initial(seed))).whenComplete((c, e) -> {
                        channel.close();
                        if (e != null) {
                            checksum.completeExceptionally(e);
                        } else {
                            checksum.complete(c);
                        }
                    }));
            assertEquals(expectedChecksum(seed, roundTrips, bytes), checksum.get(60, TimeUnit.SECONDS));
        }
        assertTrue(counters.partialWrites() > 0, "no request went out in parts");
        assertTrue(counters.partialReads() > 0, "no reply came back in parts");
    }

    private static CompletableFuture<Long> roundTrips(EchoChannel channel, long seed, int from, int to, long checksum) {
        if (from == to) {
            return CompletableFuture.completedFuture(checksum);
        }
        return channel.roundTrip(seed, from, checksum).thenCompose(c -> roundTrips(channel, seed, from + 1, to, c));
    }

    /** What an echo of every request folds to, computed without any socket. */
    private static long expectedChecksum(long seed, int roundTrips, int bytes) {
        byte[] request = new byte[bytes];
        long checksum = EchoPayload.initial(seed);
        for (int r = 0; r < roundTrips; r++) {
            EchoPayload.fill(request, bytes, seed, r);
            checksum = EchoPayload.fold(checksum, request, bytes);
        }
        return checksum;
    }
}
