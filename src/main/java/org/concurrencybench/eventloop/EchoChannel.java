package org.concurrencybench.eventloop;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import org.concurrencybench.workload.EchoPayload;

/**
 * A non-blocking client connection to an {@code EchoServer}, driven by an {@link EventLoop}: the
 * event loop's counterpart of the blocking {@code EchoConnection}, written the way asyncio's
 * {@code loop.sock_connect}, {@code sock_sendall} and {@code sock_recv_into} are.
 *
 * <p>Each operation first tries the call at once and, only if the socket is not ready (a pending
 * connect, a full send buffer, nothing to read yet), watches the channel on the loop's selector
 * and carries on in the readiness callback. A write may send part of the request and a read may
 * return part of the reply; both go on from where they stopped until every byte is through. The
 * request bytes and the checksum fold are {@link EchoPayload}'s, so a task's checksum is the same
 * as under the blocking models. Used on the loop thread only.
 */
public final class EchoChannel implements AutoCloseable {

    private final EventLoop loop;
    private final SocketChannel channel;
    private final InetSocketAddress server;
    private final IoCounters counters;
    private final byte[] request;
    private final byte[] reply;
    private final ByteBuffer requestBuffer;
    private final ByteBuffer replyBuffer;
    /** The round trip in progress: its future (null between round trips), its number, its checksum so far. */
    private CompletableFuture<Long> pendingEcho;
    private int pendingRoundTrip;
    private long pendingChecksum;
    private boolean watchingReads;

    private EchoChannel(EventLoop loop, SocketChannel channel, InetSocketAddress server, int bytes,
                        IoCounters counters) {
        this.loop = loop;
        this.channel = channel;
        this.server = server;
        this.counters = counters;
        this.request = new byte[bytes];
        this.reply = new byte[bytes];
        this.requestBuffer = ByteBuffer.wrap(request);
        this.replyBuffer = ByteBuffer.wrap(reply);
    }

    /** Opens an unconnected non-blocking socket for round trips of {@code bytes} bytes. */
    public static EchoChannel open(EventLoop loop, InetSocketAddress server, int bytes, IoCounters counters)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return new EchoChannel(loop, channel, server, bytes, counters);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Wraps a socket the caller opened and configured (tests shrink its send buffer so that writes
     * go out in parts); it must be unconnected and non-blocking.
     */
    static EchoChannel wrap(EventLoop loop, SocketChannel channel, InetSocketAddress server, int bytes,
                            IoCounters counters) {
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("the event loop needs a non-blocking channel");
        }
        return new EchoChannel(loop, channel, server, bytes, counters);
    }

    /** Connects to the server; fails with a {@link ConnectException} naming it (refused, unreachable). */
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        try {
            if (channel.connect(server)) {
                connected.complete(null);
            } else {
                loop.watch(channel, SelectionKey.OP_CONNECT, () -> finishConnect(connected));
            }
        } catch (IOException e) {
            connected.completeExceptionally(connectFailed(e));
        }
        return connected;
    }

    private void finishConnect(CompletableFuture<Void> connected) {
        try {
            if (channel.finishConnect()) {
                loop.unwatch(channel, SelectionKey.OP_CONNECT);
                connected.complete(null);
            }
        } catch (IOException e) {
            connected.completeExceptionally(connectFailed(e));
        }
    }

    private ConnectException connectFailed(IOException e) {
        ConnectException failure = new ConnectException("cannot connect to echo server " + server + ": "
                + e.getMessage());
        failure.initCause(e);
        return failure;
    }

    /**
     * Sends the request of round trip {@code roundTrip}, reads the whole echo and folds it into
     * {@code checksum}, as {@code EchoConnection.roundTrip} does. One round trip at a time.
     */
    public CompletableFuture<Long> roundTrip(long seed, int roundTrip, long checksum) {
        if (pendingEcho != null) {
            throw new IllegalStateException("round trip " + pendingRoundTrip + " is still running");
        }
        EchoPayload.fill(request, request.length, seed, roundTrip);
        requestBuffer.clear();
        replyBuffer.clear();
        pendingEcho = new CompletableFuture<>();
        pendingRoundTrip = roundTrip;
        pendingChecksum = checksum;
        CompletableFuture<Long> echoed = pendingEcho;
        sendRest();
        return echoed;
    }

    /** Writes what is left of the request; on a partial write, waits until the socket can take more. */
    private void sendRest() {
        try {
            channel.write(requestBuffer);
            if (requestBuffer.hasRemaining()) {
                counters.partialWrites++;
                loop.watch(channel, SelectionKey.OP_WRITE, this::sendRest);
                return;
            }
            loop.unwatch(channel, SelectionKey.OP_WRITE);
        } catch (IOException e) {
            fail(new IOException("echo server " + server + ": sending round trip " + pendingRoundTrip
                    + " failed: " + e.getMessage(), e));
            return;
        }
        receiveRest();
    }

    /**
     * Reads what is left of the reply; when the socket has no more yet, waits until it has. The
     * channel stays watched for reads from the first wait until it is closed: the next reply can
     * only come after the next request, so keeping the interest costs no wake-ups and saves two
     * selector updates per round trip.
     */
    private void receiveRest() {
        try {
            int n = channel.read(replyBuffer);
            if (n < 0) {
                throw new EOFException("echo server " + server + " closed the connection after "
                        + replyBuffer.position() + " of " + reply.length + " bytes of round trip " + pendingRoundTrip);
            }
            if (replyBuffer.hasRemaining()) {
                if (n > 0) {
                    counters.partialReads++;
                }
                if (!watchingReads) {
                    loop.watch(channel, SelectionKey.OP_READ, this::onReadable);
                    watchingReads = true;
                }
                return;
            }
        } catch (EOFException e) {
            fail(e);
            return;
        } catch (IOException e) {
            fail(new IOException("echo server " + server + ": receiving round trip " + pendingRoundTrip
                    + " failed after " + replyBuffer.position() + " of " + reply.length + " bytes: "
                    + e.getMessage(), e));
            return;
        }
        CompletableFuture<Long> echoed = pendingEcho;
        pendingEcho = null;
        echoed.complete(EchoPayload.fold(pendingChecksum, reply, reply.length));
    }

    private void onReadable() {
        if (pendingEcho == null) {
            // Readable with no round trip running (the server closed early): stop watching, or the
            // level-triggered selector would wake the loop for it on every turn.
            loop.unwatch(channel, SelectionKey.OP_READ);
            watchingReads = false;
            return;
        }
        receiveRest();
    }

    private void fail(IOException failure) {
        CompletableFuture<Long> echoed = pendingEcho;
        pendingEcho = null;
        echoed.completeExceptionally(failure);
    }

    /** Closes the socket, which also drops it from the loop's selector. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
