package org.concurrencybench.report.render;

import org.concurrencybench.report.input.ReportException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The files the report command can write; {@code --format} picks a subset. */
public enum OutputFormat {
    MD, HTML, CSV, PNG, SVG;

    /** Parses "md,html,png" (case-insensitive; "all" = every format). */
    public static Set<OutputFormat> parseList(String list) {
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String name : list.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.equals("ALL")) {
                return EnumSet.allOf(OutputFormat.class);
            }
            try {
                formats.add(valueOf(trimmed));
            } catch (IllegalArgumentException e) {
                throw new ReportException("--format: unknown format '" + name.trim() + "'; valid: md, html, csv, png, svg, all");
            }
        }
        if (formats.isEmpty()) {
            throw new ReportException("--format: no format given; valid: md, html, csv, png, svg, all");
        }
        return formats;
    }
}
