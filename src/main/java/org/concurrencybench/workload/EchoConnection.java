package org.concurrencybench.workload;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A blocking client connection to an {@link EchoServer}: request/response round trips whose
 * socket calls are blocking calls for the {@link ExecutionHooks} (a GIL is released around them).
 * Public so that scenarios which keep one connection open across operations (the convoy
 * benchmark) reuse the same round trip as the I/O tasks.
 *
 * <p>A connection the server closed gives an {@link EOFException}, one it reset an
 * {@link IOException}; both messages name the server and the round trip.
 */
public final class EchoConnection implements AutoCloseable {

    private final Socket socket;
    private final InetSocketAddress server;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] request;
    private final byte[] reply;

    private EchoConnection(Socket socket, InetSocketAddress server, int bytes) throws IOException {
        this.socket = socket;
        this.server = server;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.request = new byte[bytes];
        this.reply = new byte[bytes];
    }

    /** Connects to {@code server} for round trips of {@code bytes} bytes; the connect is a blocking call. */
    public static EchoConnection open(InetSocketAddress server, int bytes, ExecutionHooks hooks) throws Exception {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            hooks.blocking(() -> {
                socket.connect(server, 10_000);
                return null;
            });
            return new EchoConnection(socket, server, bytes);
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends the request of round trip {@code roundTrip}, reads the whole echo, folds it into
     * {@code checksum}. The send and each read are separate blocking calls, as Python's
     * {@code sock.sendall()} and {@code sock.recv()} are: a GIL is released and re-taken around each.
     */
    public long roundTrip(long seed, int roundTrip, long checksum, ExecutionHooks hooks) throws Exception {
        EchoPayload.fill(request, request.length, seed, roundTrip);
        int got = 0;
        try {
            hooks.blocking(() -> {
                out.write(request);
                out.flush();
                return null;
            });
            while (got < reply.length) {
                int offset = got;
                int n = hooks.blocking(() -> in.read(reply, offset, reply.length - offset));
                if (n < 0) {
                    throw new EOFException("echo server " + server + " closed the connection after " + got
                            + " of " + reply.length + " bytes of round trip " + roundTrip);
                }
                got += n;
            }
        } catch (EOFException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("connection to echo server " + server + " failed after " + got + " of "
                    + reply.length + " bytes of round trip " + roundTrip + ": " + e.getMessage(), e);
        }
        return EchoPayload.fold(checksum, reply, reply.length);
    }

    /** Closes the socket. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
