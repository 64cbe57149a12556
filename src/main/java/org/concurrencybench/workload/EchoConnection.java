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

    /** Sends the request of round trip {@code roundTrip}, reads the whole echo, folds it into {@code checksum}. */
    long roundTrip(long seed, int roundTrip, long checksum, ExecutionHooks hooks) throws Exception {
        EchoPayload.fill(request, request.length, seed, roundTrip);
        hooks.blocking(() -> {
            out.write(request);
            out.flush();
            int got = 0;
            while (got < reply.length) {
                int n = in.read(reply, got, reply.length - got);
                if (n < 0) {
                    throw new EOFException("echo server " + server + " closed the connection after " + got
                            + " of " + reply.length + " bytes of round trip " + roundTrip);
                }
                got += n;
            }
            return null;
        });
        return EchoPayload.fold(checksum, reply, reply.length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
