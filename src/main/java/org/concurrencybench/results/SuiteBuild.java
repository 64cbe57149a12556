package org.concurrencybench.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build of the suite is running: its version and the commit its jar was built from, as the
 * build recorded them ({@code git-commit-id-maven-plugin} writes {@value #RESOURCE} into the jar with
 * {@code git describe --always --dirty --abbrev=12}). A run's {@code machine.json} names that commit
 * ({@link MachineInfo#suiteCommit()}), so a run from an unpacked bundle, with no git checkout beside
 * the jar, still says which code it measured.
 *
 * @param version the suite's version, or null where the build recorded none
 * @param commit  the commit, {@code -dirty} when the tree had uncommitted changes to tracked files,
 *                or null where the jar was built outside a git checkout
 */
public record SuiteBuild(String version, String commit) {

    /** Where the build writes the facts, inside the jar. */
    public static final String RESOURCE = "/org/concurrencybench/build.properties";

    /** This jar's build, or one with neither fact where the jar has no {@value #RESOURCE}. */
    public static SuiteBuild ofThisJar() {
        try (InputStream in = SuiteBuild.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new SuiteBuild(null, null);
            }
            Properties properties = new Properties();
            properties.load(in);
            return of(properties);
        } catch (IOException e) {
            return new SuiteBuild(null, null);
        }
    }

    /** The build described by the plugin's properties; a blank value is no value. */
    static SuiteBuild of(Properties properties) {
        return new SuiteBuild(value(properties, "git.build.version"), value(properties, "git.commit.id.describe"));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** One line for {@code --version}: the version and the commit, each "unknown" where not recorded. */
    public String describe() {
        return "concurrency-models-bench " + (version == null ? "(version unknown)" : version) + ", commit "
                + (commit == null ? "unknown" : commit);
    }
}
