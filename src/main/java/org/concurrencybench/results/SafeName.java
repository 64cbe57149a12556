package org.concurrencybench.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place where a name read from a file or a flag (a run id, a label) becomes a folder or
 * file name. A run folder is untrusted input: its {@code machine.json} may say {@code "runId": ".."}
 * or {@code "../../tmp/evil"}, and a name used as it is would write outside the output folder. A
 * safe name is one path element of letters, digits, '.', '_' and '-', never "." or "..", never
 * starting with a dot, and at most {@link #MAX_LENGTH} characters (a longer one keeps its start and
 * a short hash of the whole, so two long names stay apart).
 */
public final class SafeName {

    /** Far below the 255 bytes most file systems allow, leaving room for prefixes and suffixes. */
    public static final int MAX_LENGTH = 100;
    private static final int HASH_LENGTH = 8;

    private SafeName() {
    }

    /**
     * Whether {@code name} is already one safe path element, as it stands: for a name that must be
     * used exactly or refused (a run id sent by a remote host), never quietly changed.
     */
    public static boolean isSafe(String name) {
        return name != null && name.length() <= MAX_LENGTH && name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    }

    /** {@code name} as one safe path element; "run" for a name with nothing usable in it. */
    public static String of(String name) {
        String safe = (name == null ? "" : name).replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[.]+", "_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '_')) {
            safe = "run" + safe;
        }
        return bounded(safe, name == null ? "" : name, MAX_LENGTH);
    }

    /** {@code safe} cut to {@code max} characters, ending in a short hash of {@code original} when cut. */
    public static String bounded(String safe, String original, int max) {
        if (safe.length() <= max) {
            return safe;
        }
        return safe.substring(0, max - HASH_LENGTH - 1) + "-" + shortHash(original);
    }

    /** The first hex digits of the SHA-256 of {@code text}: stable across runs and machines. */
    public static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
