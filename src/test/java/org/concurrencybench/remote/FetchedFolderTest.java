package org.concurrencybench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code remote} accepts from a host's copied run folder before moving it into
 * {@code --results}: one folder of the expected name, plain files and folders with safe names,
 * nothing that links elsewhere; and what it prints of the host's words (no control characters).
 */
class FetchedFolderTest {

    @TempDir
    Path incoming;

    @Test
    void aFolderOfPlainFilesIsAccepted() throws Exception {
        Path run = Files.createDirectories(incoming.resolve("20261207-100000-x/rounds/round-1"));
        Files.writeString(run.resolve("cores-1.json"), "[]");
        Files.writeString(incoming.resolve("20261207-100000-x/machine.json"), "{}");
        assertNull(HostSweep.unexpectedEntry(incoming, "20261207-100000-x"));
    }

    @Test
    void aLinkInsideTheFolderIsRefused() throws Exception {
        Path run = Files.createDirectories(incoming.resolve("r1"));
        Files.createSymbolicLink(run.resolve("machine.json"), Path.of("/etc/passwd"));
        String why = HostSweep.unexpectedEntry(incoming, "r1");
        assertEquals("'r1/machine.json' is not a plain file or folder", why);
    }

    @Test
    void aFolderOfAnotherNameOrASecondEntryIsRefused() throws Exception {
        Files.createDirectories(incoming.resolve("r1"));
        Files.createDirectories(incoming.resolve("r2"));
        assertTrue(HostSweep.unexpectedEntry(incoming, "r1").startsWith("expected one folder 'r1'"));
    }

    @Test
    void aLinkInPlaceOfTheFolderIsRefused() throws Exception {
        Files.createSymbolicLink(incoming.resolve("r1"), Path.of("/tmp"));
        assertTrue(HostSweep.unexpectedEntry(incoming, "r1").startsWith("expected one folder 'r1'"));
    }

    @Test
    void aHostsLinesLoseTheirControlCharacters() {
        assertEquals("?[2Jcleared?x\tok", HostSweep.printable("\u001b[2Jcleared\rx\tok"));
    }
}
