package org.concurrencybench.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one folder where the suite keeps files between runs: the workers' lean jar, the workers'
 * and JMH forks' class-data-sharing archives. Loose in the temporary folder they would pile up, a
 * new set per build, never removed. Here each is named by a hash of
 * what it is made from (the jar's bytes, the JDK, the flags), so an unchanged build reuses them, and
 * the folder is bounded: beyond {@link #MAX_ENTRIES} files or {@link #MAX_BYTES}, the least recently
 * used go, except those used in the last {@link #IN_USE} (a run may be reading them). The sweep's
 * {@code -h} names the folder. Such loose files in the temporary folder (a build that kept its
 * files there) are removed on the way.
 */
public final class SuiteCache {

    /** The folder's name in the temporary folder. */
    public static final String FOLDER = "concurrencybench-cache";
    public static final int MAX_ENTRIES = 16;
    public static final long MAX_BYTES = 512L << 20;
    static final Duration IN_USE = Duration.ofHours(1);

    private static final Map<Path, Path> PRUNED = new ConcurrentHashMap<>();
    private static final Map<String, String> CONTENT_HASHES = new ConcurrentHashMap<>();

    private SuiteCache() {
    }

    /** The cache folder under {@code java.io.tmpdir}, created, pruned once per JVM. */
    public static Path folder() {
        return folder(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The cache folder under {@code tmp}, created, pruned once per JVM. */
    public static Path folder(Path tmp) {
        return PRUNED.computeIfAbsent(tmp.toAbsolutePath(), base -> {
            Path folder = base.resolve(FOLDER);
            try {
                Files.createDirectories(folder);
                prune(base);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return folder;
        });
    }

    /** Marks a cached file as used now, so that pruning keeps it. */
    public static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // read-only or gone: it is only the order of removal
        }
    }

    /** The first 16 hex digits of the SHA-256 of a file's bytes, computed once per JVM and version of the file. */
    public static String contentHash(Path file) {
        String version;
        try {
            version = file.toAbsolutePath() + "\n" + Files.size(file) + "\n" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CONTENT_HASHES.computeIfAbsent(version, key -> {
            Path path = file.toAbsolutePath();
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256())) {
                MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Removes the suite's loose files in {@code tmp} and, in the cache folder, the least recently
     * used files beyond the bounds; nothing used within {@link #IN_USE}.
     */
    static void prune(Path tmp) throws IOException {
        Instant keepAfter = Instant.now().minus(IN_USE);
        try (DirectoryStream<Path> loose = Files.newDirectoryStream(tmp,
                "concurrencybench-{worker-*.jar,worker-*.jsa,jmh-fork-*.jsa,worker*.tmp}")) {
            for (Path file : loose) {
                deleteIfOld(file, keepAfter);
            }
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp.resolve(FOLDER))) {
            files.forEach(entries::add);
        }
        entries.sort(Comparator.comparing(SuiteCache::modified).reversed());
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            Path entry = entries.get(i);
            bytes += size(entry);
            if (i >= MAX_ENTRIES || bytes > MAX_BYTES) {
                deleteIfOld(entry, keepAfter);
            }
        }
    }

    private static void deleteIfOld(Path file, Instant keepAfter) {
        if (modified(file).isBefore(keepAfter)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // another user's, or busy: left for later
            }
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
