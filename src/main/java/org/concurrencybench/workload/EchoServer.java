package org.concurrencybench.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP echo server on the loopback address, the far end of the {@code IO} and {@code MIXED}
 * workloads: it answers every request with exactly the bytes it received.
 *
 * <p>It binds {@link InetAddress#getLoopbackAddress()} on an ephemeral port and nothing else, so
 * the benchmarks never send a byte off the machine. Each connection is served by a virtual thread,
 * so the server holds as many connections as the models open without a platform thread each.
 * Options: a delay before each reply (a slow service), and replies cut into small pieces (to test
 * that clients handle partial reads). Started per trial by the benchmarks, closed after it.
 */
public final class EchoServer implements AutoCloseable {

    /**
     * How the server answers.
     *
     * @param replyDelay      waited before each reply is written (zero: none)
     * @param replyChunkBytes replies are written in pieces of at most this many bytes, with a
     *                        flush between (0: as read)
     */
    public record Options(Duration replyDelay, int replyChunkBytes) {
        public static final Options DEFAULT = new Options(Duration.ZERO, 0);

        public Options {
            if (replyDelay.isNegative()) {
                throw new IllegalArgumentException("echo reply delay must be >= 0, got " + replyDelay);
            }
            if (replyChunkBytes < 0) {
                throw new IllegalArgumentException("echo reply chunk must be >= 0 bytes, got " + replyChunkBytes);
            }
        }
    }

    private final ServerSocket serverSocket;
    private final Options options;
    private final Thread acceptor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();

    private EchoServer(ServerSocket serverSocket, Options options) {
        this.serverSocket = serverSocket;
        this.options = options;
        this.acceptor = Thread.ofPlatform().daemon().name("echo-acceptor-" + serverSocket.getLocalPort())
                .start(this::acceptLoop);
    }

    /** Starts a server on the loopback address, an ephemeral port. */
    public static EchoServer start(Options options) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        return new EchoServer(socket, options);
    }

    /** Starts a server that echoes at once. */
    public static EchoServer start() throws IOException {
        return start(Options.DEFAULT);
    }

    /** Where the server listens: always a loopback address. */
    public InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
    }

    /** Connections accepted since the start. */
    public long acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                accepted.incrementAndGet();
                connections.add(socket);
                Thread.ofVirtual().name("echo-connection").start(() -> serve(socket));
            } catch (IOException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
                // A failed accept (a reset before accept, say) loses one connection, not the server.
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (!options.replyDelay().isZero()) {
                    Thread.sleep(options.replyDelay());
                }
                int piece = options.replyChunkBytes() == 0 ? n : options.replyChunkBytes();
                for (int off = 0; off < n; off += piece) {
                    out.write(buffer, off, Math.min(piece, n - off));
                    out.flush();
                }
            }
        } catch (SocketException e) {
            // The client closed or reset the connection, or the server is closing: nothing to do.
        } catch (IOException e) {
            // Same as above for other stream errors; the client sees its own error.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
        }
    }

    /** Stops accepting, closes every open connection and waits for the acceptor to end. */
    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
