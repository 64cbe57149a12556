package org.concurrencybench.workload;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.concurrencybench.api.UserTask;

/**
 * Builds users' jars inside the tests, from Java source held as strings: compiled with the JDK's
 * own compiler against the suite's API (and any other jars given), packed with
 * {@code java.util.jar}. No binary is committed, and each test says exactly what its task does.
 */
public final class TaskJars {

    private TaskJars() {
    }

    /**
     * Compiles {@code sources} (class name to source) and packs the classes into {@code jar}.
     *
     * @param classPath jars the sources need beside the suite's API (a dependency jar)
     */
    public static Path build(Path jar, Map<String, String> sources, Path... classPath) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        List<String> args = new ArrayList<>(List.of("-d", work.resolve("classes").toString(), "-cp",
                classPathOf(classPath), "-proc:none", "-nowarn"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, System.err, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the test's task sources did not compile");
        }
        pack(work.resolve("classes"), jar);
        return jar;
    }

    private static String classPathOf(Path... extra) {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(UserTask.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (Path path : extra) {
            entries.add(path.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void pack(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
    }

    /** A CPU-bound task using the check point: a multiply-xor chain from the seed. */
    public static final String SPIN = """
            package t;
            import org.concurrencybench.api.*;
            public class Spin implements UserTask {
                public long run(long seed, Hooks hooks) {
                    long x = seed;
                    for (int chunk = 0; chunk < 20; chunk++) {
                        for (int i = 0; i < 2000; i++) { x = Long.rotateLeft(x * 0x9E3779B97F4A7C15L, 7) ^ i; }
                        hooks.checkpoint();
                    }
                    return x;
                }
            }
            """;

    /** A task that blocks, through the hook: a short sleep. */
    public static final String NAP = """
            package t;
            import org.concurrencybench.api.*;
            public class Nap implements UserTask {
                public long run(long seed, Hooks hooks) throws Exception {
                    hooks.blocking(() -> { Thread.sleep(2); return null; });
                    return seed * 31;
                }
            }
            """;
}
