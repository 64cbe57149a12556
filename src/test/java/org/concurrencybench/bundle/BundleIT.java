package org.concurrencybench.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.concurrencybench.results.SuiteBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle that {@code mvn package} writes ({@code target/concurrency-bench-VERSION.tar.gz}):
 * it holds exactly the script (executable), the jar and RUNNING.md in one folder, and unpacked in
 * a fresh folder, with no Maven on the PATH and only this JDK, its script finds the jar beside it
 * (not target/benchmarks.jar, which is not there) and plans a sweep. An integration test: it needs
 * the packaged archive, so failsafe runs it in {@code mvn verify}, after {@code package}.
 */
class BundleIT {

    @TempDir
    Path unpacked;

    private static Path archive() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("concurrency-bench-[^-]+(-SNAPSHOT)?\\.tar\\.gz"))
                    .toList();
            assertEquals(1, archives.size(), "one bundle in target/: " + archives);
            return archives.get(0);
        }
    }

    private static String run(Path dir, List<String> command, String path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished in 2 minutes: " + output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    /** A PATH with the basic tools but no Maven and no git: a folder of links to what the script uses. */
    private Path basicToolsOnly() throws IOException {
        Path bin = Files.createDirectories(unpacked.resolve("bin"));
        for (String tool : List.of("bash", "sed", "dirname", "find", "taskset", "env", "cat", "uname", "sh", "true")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path real = Path.of(dir, tool);
                if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), real);
                }
            }
        }
        return bin;
    }

    @Test
    void holdsTheScriptTheJarAndTheGuide() throws Exception {
        Path archive = archive().toAbsolutePath();
        String listing = run(unpacked, List.of("tar", "tzf", archive.toString()), "/usr/bin:/bin");
        String folder = archive.getFileName().toString().replace(".tar.gz", "");
        List<String> files = listing.lines().filter(l -> !l.endsWith("/")).sorted().toList();
        assertEquals(List.of(folder + "/RUNNING.md", folder + "/benchmarks.jar", folder + "/run-benchmarks.sh"),
                files.stream().filter(f -> !f.startsWith(folder + "/python/")).toList());
        assertTrue(files.contains(folder + "/python/run_cpython.py") && files.contains(folder + "/python/cpybench/interpreters.py"),
                "the CPython companion travels with the bundle: " + files);
        run(unpacked, List.of("tar", "xzf", archive.toString()), "/usr/bin:/bin");
        Path script = unpacked.resolve(folder).resolve("run-benchmarks.sh");
        assertTrue(Files.getPosixFilePermissions(script).contains(PosixFilePermission.OWNER_EXECUTE));
    }

    @Test
    void itsScriptFindsTheJarBesideItWithoutMaven() throws Exception {
        Path archive = archive().toAbsolutePath();
        run(unpacked, List.of("tar", "xzf", archive.toString()), "/usr/bin:/bin");
        Path bundle = unpacked.resolve(archive.getFileName().toString().replace(".tar.gz", ""));
        Path bin = basicToolsOnly();
        List<String> command = new ArrayList<>(List.of(bundle.resolve("run-benchmarks.sh").toString(), "--dry-run",
                "--quick", "--cores", "1", "--models", "SEQUENTIAL", "--workloads", "CPU"));
        String output = run(bundle, command, bin.toString());
        assertTrue(output.contains("Sweep "), output);
        assertTrue(output.contains(bundle.resolve("benchmarks.jar").toString()), "runs the jar beside the script:\n" + output);
        assertFalse(output.contains("Building"), output);
        assertFalse(Files.exists(bundle.resolve("target")), "nothing built in the bundle");
    }

    @Test
    void itsJarNamesTheCommitItWasBuiltFromWithoutGit() throws Exception {
        Path archive = archive().toAbsolutePath();
        run(unpacked, List.of("tar", "xzf", archive.toString()), "/usr/bin:/bin");
        Path bundle = unpacked.resolve(archive.getFileName().toString().replace(".tar.gz", ""));
        Path bin = basicToolsOnly(); // no git either: only the jar can say
        String commit = SuiteBuild.ofThisJar().commit();
        assertTrue(commit != null && !commit.isBlank(), "the build recorded a commit in target/classes");

        String output = run(bundle, List.of(bundle.resolve("run-benchmarks.sh").toString(), "--version"), bin.toString());

        assertTrue(output.contains("commit " + commit), "--version names " + commit + ":\n" + output);
    }
}
