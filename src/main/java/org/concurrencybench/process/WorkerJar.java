package org.concurrencybench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.concurrencybench.workload.Task;

/**
 * The class path a worker JVM starts with. Where the parent runs from one jar (the shaded
 * benchmarks jar, with JMH, XChart and the rest), a worker gets a lean jar of only the packages it
 * loads classes from, made once in the temporary folder: opening and checking the big jar costs a
 * one-task worker part of its start-up for classes it never loads. Elsewhere
 * (the tests' class directories), the parent's class path as it is.
 *
 * <p>The packages are named by classes ({@link #PACKAGES}), so a rename moves them along; a
 * worker class in a package not listed fails {@code WorkerJarIT}, which runs a worker from a
 * lean jar.
 */
final class WorkerJar {

    /** The packages a worker loads classes from: its own (frames, the loop), the tasks', users' tasks and their API. */
    static final List<String> PACKAGES = List.of(WorkerMain.class.getPackageName(), Task.class.getPackageName(),
            org.concurrencybench.workload.user.UserTaskCall.class.getPackageName(),
            org.concurrencybench.api.UserTask.class.getPackageName());

    private static final Map<String, String> LEAN_CLASS_PATHS = new ConcurrentHashMap<>();

    private WorkerJar() {
    }

    /** The workers' class path: a lean jar where the parent runs from one jar, else the parent's. */
    static String classPath() {
        String classPath = System.getProperty("java.class.path");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")
                || !Files.isRegularFile(Path.of(classPath))) {
            return classPath;
        }
        return LEAN_CLASS_PATHS.computeIfAbsent(classPath, WorkerJar::leanJarOrSource);
    }

    private static String leanJarOrSource(String jarPath) {
        try {
            return lean(Path.of(jarPath).toAbsolutePath(), SuiteCache.folder()).toString();
        } catch (IOException | java.io.UncheckedIOException e) {
            return jarPath; // the big jar works too, only slower to start
        }
    }

    /**
     * The lean jar of {@code source} in {@code folder} (the {@link SuiteCache}), named by a hash of
     * the source's bytes, so a rebuilt jar gets its own and an unchanged one reuses it; written once,
     * moved into place whole.
     */
    static Path lean(Path source, Path folder) throws IOException {
        Path lean = folder.resolve("worker-" + SuiteCache.contentHash(source) + ".jar");
        if (Files.isRegularFile(lean)) {
            SuiteCache.touch(lean);
            return lean;
        }
        Path unfinished = Files.createTempFile(folder, "worker", ".tmp");
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(unfinished))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && belongs(entry.getName())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream bytes = in.getInputStream(entry)) {
                        bytes.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Files.move(unfinished, lean, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return lean;
    }

    /** Whether a jar entry is a class (or resource) of one of {@link #PACKAGES}, nested classes and all. */
    static boolean belongs(String entryName) {
        int slash = entryName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : entryName.substring(0, slash).replace('/', '.');
        return PACKAGES.contains(pkg);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
