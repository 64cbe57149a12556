package org.concurrencybench.workload;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/**
 * A connection the far end closes or resets gives a clear error naming the server and the round
 * trip, not a hang or a bare "Connection reset". The far end is a scripted loopback peer.
 */
class EchoConnectionTest {

    private static final int BYTES = 256;

    /** What the scripted peer does once it has read one whole request. */
    @FunctionalInterface
    private interface PeerAction {
        void afterRequest(Socket peer) throws IOException;
    }

    @Test
    void closedConnectionGivesEofWithAClearMessage() throws Exception {
        EOFException e = assertThrows(EOFException.class, () -> roundTripAgainst(peer -> peer.shutdownOutput()));
        assertTrue(e.getMessage().contains("closed the connection after 0 of 256 bytes of round trip 0"), e.getMessage());
    }

    @Test
    void connectionClosedMidReplyNamesHowFarItGot() throws Exception {
        EOFException e = assertThrows(EOFException.class, () -> roundTripAgainst(peer -> {
            peer.getOutputStream().write(new byte[100]);
            peer.shutdownOutput();
        }));
        assertTrue(e.getMessage().contains("after 100 of 256 bytes"), e.getMessage());
    }

    @Test
    void resetConnectionGivesAClearError() throws Exception {
        IOException e = assertThrows(IOException.class, () -> roundTripAgainst(peer -> {
            peer.setSoLinger(true, 0); // close with a reset (RST), not a FIN
            peer.close();
        }));
        assertTrue(e.getMessage().contains("connection to echo server"), e.getMessage());
        assertTrue(e.getMessage().contains("round trip 0"), e.getMessage());
        assertInstanceOf(SocketException.class, e.getCause());
    }

    /** Runs one round trip against a peer that reads the request, then does {@code action}. */
    private static void roundTripAgainst(PeerAction action) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
            Thread peerThread = Thread.ofPlatform().start(() -> {
                try (Socket peer = listener.accept()) {
                    new DataInputStream(peer.getInputStream()).readFully(new byte[BYTES]);
                    action.afterRequest(peer);
                    // Keep a closed-for-writing socket open until the client has read the end.
                    peer.getInputStream().read();
                } catch (IOException ignored) {
                    // the client closing is the end of the script
                }
            });
            try (EchoConnection connection = EchoConnection.open(address, BYTES, ExecutionHooks.NONE)) {
                connection.roundTrip(1, 0, 0, ExecutionHooks.NONE);
            } finally {
                peerThread.join(10_000);
            }
        }
    }
}
