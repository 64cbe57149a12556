package example;

import java.security.MessageDigest;
import java.util.Arrays;
import org.concurrencybench.api.Hooks;
import org.concurrencybench.api.UserTask;

/**
 * A CPU-bound task: SHA-256 over a 1 MiB buffer, four times over, the seed mixed in first. One
 * task takes a few milliseconds, like one of the suite's CPU tasks.
 *
 * <p>The buffer is built once, in the constructor, and only read by {@link #run}, so one instance
 * serves every thread. A {@link Hooks#checkpoint()} after each 64 KiB chunk lets the simulated GIL
 * hand over between chunks, as CPython's interpreter can between bytecodes; without it a task
 * would hold the lock for its whole run.
 */
public class Sha256Task implements UserTask {

    private static final int BUFFER_BYTES = 1 << 20;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int ROUNDS = 4;

    private final byte[] buffer = new byte[BUFFER_BYTES];

    public Sha256Task() {
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (byte) (i * 31 + (i >>> 8));
        }
    }

    @Override
    public long run(long seed, Hooks hooks) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] digest = longBytes(seed);
        for (int round = 0; round < ROUNDS; round++) {
            sha.update(digest);
            for (int at = 0; at < buffer.length; at += CHUNK_BYTES) {
                sha.update(buffer, at, CHUNK_BYTES);
                hooks.checkpoint();
            }
            digest = sha.digest();
        }
        return firstLong(digest);
    }

    static byte[] longBytes(long value) {
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    static long firstLong(byte[] digest) {
        long value = 0;
        for (byte b : Arrays.copyOf(digest, Long.BYTES)) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
