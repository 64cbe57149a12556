package org.concurrencybench.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The echo server: loopback only, and answers with exactly the bytes it received. */
class EchoServerTest {

    @Test
    void bindsTheLoopbackAddressOnly() throws Exception {
        try (EchoServer server = EchoServer.start()) {
            InetSocketAddress address = server.address();
            assertTrue(address.getAddress().isLoopbackAddress(), "bound to " + address);
            assertTrue(address.getPort() > 0);
            // Not reachable through any other address of this machine.
            List<InetAddress> others = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .toList();
            for (InetAddress other : others) {
                try (Socket s = new Socket()) {
                    assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(other, address.getPort()), 2_000),
                            "echo server reachable through " + other);
                }
            }
        }
    }

    @Test
    void echoesExactlyWhatItReceived() throws Exception {
        for (EchoServer.Options options : List.of(EchoServer.Options.DEFAULT,
                new EchoServer.Options(Duration.ofMillis(1), 7))) {
            try (EchoServer server = EchoServer.start(options);
                 Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
                Random random = new Random(42);
                OutputStream out = socket.getOutputStream();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                for (int size : new int[] {1, 256, 70_000}) {
                    byte[] sent = new byte[size];
                    random.nextBytes(sent);
                    out.write(sent);
                    out.flush();
                    byte[] echoed = new byte[size];
                    in.readFully(echoed);
                    assertArrayEquals(sent, echoed, size + " bytes with " + options);
                }
                socket.shutdownOutput();
                assertEquals(-1, in.read(), "nothing more than what was sent");
            }
        }
    }

    /** An I/O task's checksum is the fold of exactly the bytes it sent: the echo changed nothing. */
    @Test
    void ioTaskChecksumMatchesTheBytesSent() throws Exception {
        try (EchoServer server = EchoServer.start(new EchoServer.Options(Duration.ZERO, 3))) {
            IoTask task = new IoTask(9, 4, 100, server.address());
            long expected = EchoPayload.initial(9);
            byte[] request = new byte[100];
            for (int r = 0; r < 4; r++) {
                EchoPayload.fill(request, request.length, 9, r);
                expected = EchoPayload.fold(expected, request, request.length);
            }
            assertEquals(expected, task.run(ExecutionHooks.NONE));
            assertEquals(1, server.acceptedConnections());
        }
    }

    /** One shape: an I/O task is a mixed task without CPU work, round trip for round trip. */
    @Test
    void anIoTaskIsAMixedTaskWithoutCpuWork() throws Exception {
        try (EchoServer server = EchoServer.start(new EchoServer.Options(Duration.ZERO, 3))) {
            assertEquals(new MixedTask(5, 3, 0, 64, server.address()).run(ExecutionHooks.NONE),
                    new IoTask(5, 3, 64, server.address()).run(ExecutionHooks.NONE));
        }
    }
}
