package org.concurrencybench.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundle {@code remote} copies to each host: the archive that {@code mvn package} (or
 * {@code ./run-benchmarks.sh bundle [--with-runtime]}) writes into {@code target/}, rebuilt when
 * it is missing or older than {@code target/benchmarks.jar}, or one given with {@code --bundle}.
 * Its SHA-256 names it on the far side, so a host that has this very bundle unpacked already gets
 * no copy again.
 *
 * @param archive the {@code .tar.gz}
 * @param sha256 its digest, in hex
 */
record LocalBundle(Path archive, String sha256) {

    /** The folder name it unpacks into on a host: the archive's name and the start of its digest. */
    String remoteName() {
        return archive.getFileName().toString().replaceFirst("\\.tar\\.gz$", "") + "-" + sha256.substring(0, 12);
    }

    /** {@code given}, else the suite's own bundle under {@code root}, built first where needed. */
    static LocalBundle find(Path given, Path root, boolean withRuntime) throws IOException, InterruptedException {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new IllegalArgumentException("--bundle " + given + ": no such file");
            }
            return of(given);
        }
        Path jar = root.resolve("target/benchmarks.jar");
        Path archive = newest(root.resolve("target"), withRuntime);
        if (archive == null || (Files.isRegularFile(jar)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0)) {
            build(root, withRuntime);
            archive = newest(root.resolve("target"), withRuntime);
            if (archive == null) {
                throw new IOException("'run-benchmarks.sh bundle' wrote no archive into " + root.resolve("target"));
            }
        }
        return of(archive);
    }

    private static LocalBundle of(Path archive) throws IOException {
        return new LocalBundle(archive.toAbsolutePath(), sha256(archive));
    }

    private static Path newest(Path target, boolean withRuntime) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        String pattern = withRuntime ? "concurrency-bench-.*-runtime-.*\\.tar\\.gz" : "concurrency-bench-[^-]+(-SNAPSHOT)?\\.tar\\.gz";
        try (Stream<Path> files = Files.list(target)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches(pattern)).toList();
            Path newest = null;
            for (Path archive : archives) {
                if (newest == null || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                    newest = archive;
                }
            }
            return newest;
        }
    }

    private static void build(Path root, boolean withRuntime) throws IOException, InterruptedException {
        Path script = root.resolve("run-benchmarks.sh");
        if (!Files.isExecutable(script) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalArgumentException("no bundle to copy: run 'remote' in the suite's source tree, or give"
                    + " one with --bundle ARCHIVE");
        }
        List<String> command = withRuntime ? List.of(script.toString(), "bundle", "--with-runtime")
                : List.of(script.toString(), "bundle");
        Process process = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' failed (exit " + process.exitValue() + ")");
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
