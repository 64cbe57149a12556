package org.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencybench.report.input.ReportException;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.render.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first look tells no nonsense: a one-round run's report prints no interval, and no
 * report rendered from any test fixture prints an interval with a bound at or below zero.
 */
class FixtureIntervalsTest {

    /** "1.35x [0.0117, 2.68]", "0.558 [-2.61, 3.73]": an interval as the report prints one, after its value. */
    static final Pattern INTERVAL = Pattern.compile("[0-9]x? \\[(-?[0-9][0-9.e+-]*), (-?[0-9][0-9.e+-]*)\\]");

    private static String render(String fixture, Path out) throws Exception {
        new ReportGenerator(0.95, EnumSet.of(OutputFormat.MD)).write(List.of(RunReader.read(Fixtures.run(fixture))),
                out, warning -> { });
        return Files.readString(out.resolve("report.md"));
    }

    @Test
    void aOneRoundRunPrintsNoIntervalAndSaysItIsARankingOnly(@TempDir Path out) throws Exception {
        String report = render("jmh-smoke", out); // --smoke: one fork per cell, two iterations each
        Matcher interval = INTERVAL.matcher(report);
        assertFalse(interval.find(), () -> "an interval in a one-round report: " + interval.group());
        assertTrue(report.contains("One round: a ranking only."), report);
        assertTrue(report.indexOf("One round: a ranking only.") < report.indexOf("## Which model for which work"), "said near the top");
    }

    @Test
    void noFixtureReportPrintsAnIntervalWithABoundAtOrBelowZero(@TempDir Path out) throws Exception {
        List<String> rendered = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        try (var fixtures = Files.list(Fixtures.run("laptop").getParent())) {
            for (Path fixture : fixtures.filter(f -> Files.isRegularFile(f.resolve("machine.json"))).sorted().toList()) {
                String name = fixture.getFileName().toString();
                String report;
                try {
                    report = render(name, out.resolve(name));
                } catch (ReportException refused) {
                    continue; // a damaged fixture is refused with one line; it prints nothing
                }
                rendered.add(name);
                Matcher interval = INTERVAL.matcher(report);
                while (interval.find()) {
                    if (!(Double.parseDouble(interval.group(1)) > 0)) {
                        bad.add(name + ": " + interval.group());
                    }
                }
            }
        }
        assertTrue(rendered.size() >= 5, "fixtures rendered: " + rendered);
        assertEquals(List.of(), bad);
    }
}
