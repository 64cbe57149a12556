package org.concurrencybench.report.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.concurrencybench.report.input.ReportException;

/**
 * Writes every file of a report. A file is written beside its place and renamed over it, so a
 * link at that place (say {@code report.md} linking to a file outside the output folder) is
 * replaced, never followed: its target is not touched. Text loses its control characters first:
 * a run id or parameter from a run folder may carry an ESC or a CR, which a terminal showing
 * {@code report.md}, a spreadsheet reading {@code summary.csv} or an XML parser reading an SVG
 * would act on.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** {@code text} without control characters, line ends and tabs kept. */
    public static String withoutControlCharacters(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c < 0xa0;
            if (control && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!control && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }

    /** Writes {@code text}, without its control characters, as UTF-8. */
    public static void writeText(Path file, String text) {
        write(file, withoutControlCharacters(text).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code file}, replacing whatever is there (a link included) whole. */
    public static void write(Path file, byte[] bytes) {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new ReportException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the write's own error is the one to report
        }
    }
}
