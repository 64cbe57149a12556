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
 */
final class EchoConnection implements AutoCloseable {

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

    static EchoConnection open(InetSocketAddress server, int bytes, ExecutionHooks hooks) throws Exception {
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
    long roundTrip(long seed, int roundTrip, long checksum, ExecutionHooks hooks) throws Exception {
        EchoPayload.fill(request, request.length, seed, roundTrip);
        hooks.blocking(() -> {
            out.write(request);
            out.flush();
            return null;
        });
        int got = 0;
        while (got < reply.length) {
            int offset = got;
            int n = hooks.blocking(() -> in.read(reply, offset, reply.length - offset));
            if (n < 0) {
                throw new EOFException("echo server " + server + " closed the connection after " + got
                        + " of " + reply.length + " bytes of round trip " + roundTrip);
            }
            got += n;
        }
        return EchoPayload.fold(checksum, reply, reply.length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
