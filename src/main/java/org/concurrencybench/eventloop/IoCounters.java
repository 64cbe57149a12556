package org.concurrencybench.eventloop;

/**
 * How often the event loop's sockets had to wait part-way through a message. Tests use them to
 * show that a partial write or read really happened and was carried on, not just that the
 * checksum came out right. Written on the loop thread; read after the batch that wrote them.
 */
public final class IoCounters {

    /** Writes that left part of a request unsent, so the loop waited for the socket to take more. */
    long partialWrites;
    /** Reads that returned part of a reply, so the loop waited for the rest. */
    long partialReads;

    public long partialWrites() {
        return partialWrites;
    }

    public long partialReads() {
        return partialReads;
    }
}
