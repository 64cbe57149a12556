package org.concurrencybench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every figure of README.md and docs/*.md that comes from a committed run is recomputed from that
 * run (the marking is described in {@link FigureCheck}); a figure that drifts from its run, or a run
 * regenerated under it, fails the build with the file, line, figure and what the run gives.
 */
class FiguresTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void everyFigureOfTheReadmeAndDocsIsWhatItsRunGives() throws IOException {
        FigureCheck check = new FigureCheck(ROOT);
        List<String> problems = new ArrayList<>();
        StringBuilder counts = new StringBuilder();
        for (Path doc : docs()) {
            String name = ROOT.relativize(doc).toString();
            FigureCheck.Result r = check.check(name, Files.readString(doc), name.equals("README.md"));
            problems.addAll(r.problems());
            counts.append(String.format("%-22s keyed %3d, constants %3d, exempt %2d, claims %2d%n", name, r.count("keyed"),
                    r.count("constant"), r.count("exempt"), r.count("claim")));
            r.figures().stream().filter(f -> f.kind().equals("exempt")).forEach(f -> counts.append("    exempt ").append(f).append('\n'));
        }
        System.out.print(counts);
        assertTrue(problems.isEmpty(), problems.size() + " figures do not match their runs:\n" + String.join("\n", problems));
    }

    @Test
    void everyNumberOfTheReadmeIsAccountedFor() throws IOException {
        FigureCheck.Result r = new FigureCheck(ROOT).check("README.md", Files.readString(ROOT.resolve("README.md")), true);
        assertTrue(r.count("keyed") > 50, "the README's results table alone has more keyed figures than " + r.count("keyed"));
    }

    /** Changing any one number of the README, one digit, fails the check, naming file, line, figure and the run's value. */
    @Test
    void aChangedDigitAnywhereInTheReadmeFails() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        FigureCheck check = new FigureCheck(ROOT);
        assertEquals(List.of(), check.check("README.md", readme, true).problems(), "the README must pass before a change is planted");
        List<FigureCheck.Figure> figures = check.check("README.md", readme, true).figures();
        int planted = 0;
        for (FigureCheck.Token t : FigureCheck.allTokens(readme)) {
            int at = t.start() + lastDigit(t.printed());
            char d = readme.charAt(at);
            String changed = readme.substring(0, at) + (char) ('0' + (d - '0' + 1) % 10) + readme.substring(at + 1);
            String newFigure = changed.substring(t.start(), t.start() + t.printed().length());
            FigureCheck.Result r = check.check("README.md", changed, true);
            String expect = "README.md:" + t.line() + ": figure \"" + newFigure + "\"";
            assertTrue(r.problems().stream().anyMatch(p -> p.startsWith(expect)),
                    "changing " + t.printed() + " to " + newFigure + " on line " + t.line() + " went unnoticed: " + r.problems());
            boolean keyed = figures.stream().anyMatch(f -> f.line() == t.line() && f.printed().equals(t.printed()) && f.kind().equals("keyed"));
            if (keyed) {
                assertTrue(r.problems().stream().anyMatch(p -> p.startsWith(expect) && p.contains("the run gives")),
                        "the message names what the run gives: " + r.problems());
            }
            planted++;
        }
        assertTrue(planted > 100, "planted " + planted);
    }

    @Test
    void aPlantedChangeIsReportedWithFileLineFigureAndTheRunsValue() {
        String text = """
                <!-- figures run=20261201-081732-dev-2core: CPU.SEQUENTIAL@1 -->
                A batch took 376 ms.
                """;
        List<String> problems = new FigureCheck(ROOT).check("README.md", text, true).problems();
        assertEquals(List.of("README.md:2: figure \"376\" (CPU.SEQUENTIAL@1 in run 20261201-081732-dev-2core): the run gives 375.226, which prints as 375"),
                problems);
    }

    @Test
    void theCellOfAModelAndWorkloadIsNeverGuessed() {
        String text = """
                <!-- figures run=20261201-081732-dev-2core: Model@2{workload=SLEEP,model=PROCESS_PER_TASK}; SLEEP.PROCESS_PER_TASK@2 -->
                A batch took 1854 ms, 1854 ms.
                """;
        List<String> problems = new FigureCheck(ROOT).check("x.md", text, true).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("matches 2 cells"), problems.get(0));
    }

    @Test
    void aRunThatIsNotCommittedFails() {
        String text = """
                <!-- figures run=20261126-012552-dev-2core: CPU.SEQUENTIAL@1 -->
                305 ms.
                """;
        List<String> problems = new FigureCheck(ROOT).check("x.md", text, true).problems();
        assertTrue(problems.size() == 1 && problems.get(0).contains("is not committed"), problems.toString());
    }

    @Test
    void unmarkedAndUnaccountedNumbersFail() {
        FigureCheck check = new FigureCheck(ROOT);
        assertFalse(check.check("README.md", "It took 375 ms.\n", true).problems().isEmpty());
        assertFalse(check.check("x.md", "It took 375.2 ms.\n", false).problems().isEmpty());
        assertFalse(check.check("x.md", "<!-- figures run=20261201-081732-dev-2core: =64 -->\n64 tasks took 375 ms.\n", false).problems().isEmpty());
        assertFalse(check.check("x.md", "<!-- figures run=20261201-081732-dev-2core: !375 -->\n375 ms.\n", false).problems().isEmpty(),
                "an exemption needs its reason");
        assertEquals(List.of(), check.check("x.md", "<!-- figures run=20261201-081732-dev-2core: =64; CPU.SEQUENTIAL@1 -->\n64 tasks took 375 ms.\n", false).problems());
    }

    @Test
    void aTableIsCheckedCellByCellThroughItsColumnTemplates() {
        String text = """
                <!-- figures run=20261201-081732-dev-2core table: col2: CPU.{row}@2 | CPU.SEQUENTIAL@2 / CPU.{row}@2 -->
                | model | CPU, 2 cores |
                | --- | --- |
                | `SEQUENTIAL` | 390 ms |
                | `FIXED_POOL` | 217 ms (1.80×) |
                """;
        List<String> problems = new FigureCheck(ROOT).check("x.md", text, true).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("x.md:5: figure \"1.80\"") && problems.get(0).contains("prints as 1.79"), problems.get(0));
    }

    @Test
    void aHostIsNamedAsItsMachineJsonSays() {
        String text = """
                <!-- figures run=20261128-200044-dev-2core-A: CPU.SEQUENTIAL@1 -->
                On the Intel Xeon VM a batch took 387 ms.
                """;
        List<String> problems = new FigureCheck(ROOT).check("x.md", text, true).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("says Xeon but run 20261128-200044-dev-2core-A ran on AMD EPYC")), problems.toString());
    }

    @Test
    void aCountOfResultsPlantedInTheDocsFails() throws IOException {
        // each doc's count of results, and the same sentence with its count one less
        for (var count : java.util.Map.of("README.md", List.of("calls 2 of its 6 CPU cells", "2"),
                "docs/report.md", List.of("12 of 12 intervals held 1", "12")).entrySet()) {
            String name = count.getKey();
            String sentence = count.getValue().get(0);
            String was = count.getValue().get(1);
            String less = String.valueOf(Integer.parseInt(was) - 1);
            String doc = Files.readString(ROOT.resolve(name));
            assertTrue(doc.contains(sentence), name);
            FigureCheck check = new FigureCheck(ROOT);
            assertEquals(List.of(), check.check(name, doc, name.equals("README.md")).problems(), name + " must pass first");
            String planted = doc.replace(sentence, sentence.replaceFirst(was + " of", less + " of"));
            List<String> problems = check.check(name, planted, name.equals("README.md")).problems();
            assertTrue(problems.stream().anyMatch(p -> p.contains("figure \"" + less + "\"") && p.contains("the run gives " + was)),
                    name + ": " + problems);
        }
    }

    @Test
    void aFigureInAFencedExampleOfTheMarkingIsChecked() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/results.md"));
        String example = "a SEQUENTIAL CPU batch took 375 ms at 1 core";
        assertTrue(doc.contains(example));
        FigureCheck check = new FigureCheck(ROOT);
        assertEquals(List.of(), check.check("docs/results.md", doc, false).problems());
        List<String> problems = check.check("docs/results.md", doc.replace(example, example.replace("375", "385")), false)
                .problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("figure \"385\"") && p.contains("CPU.SEQUENTIAL@1")),
                problems.toString());
        assertEquals(List.of(), check.check("x.md", "```\nIt took 385 ms.\n```\n", true).problems(),
                "a fence without a marker is code, not prose");
    }

    @Test
    void aWordThatTheRunsContradictFails() {
        String marker = "<!-- figures run=compare-20261207-220053-dev-2core-aa3-vs-20261207-220531-dev-2core-B: ";
        FigureCheck check = new FigureCheck(ROOT);
        assertEquals(List.of(), check.check("x.md", marker
                + "claim CmpRows@0{workload=CPU,ratio>=1.05} == CmpRows@0{workload=CPU} -->\nEvery CPU cell took longer.\n",
                true).problems());
        List<String> every = check.check("x.md", marker
                + "claim CmpRows@0{workload=SLEEP,answer=slower} == CmpRows@0{workload=SLEEP} -->\nEvery SLEEP cell is slower.\n",
                true).problems();
        assertTrue(every.size() == 1 && every.get(0).contains("the runs give 0.00000 == 6.00000, which is false"), every.toString());
        List<String> atMost = check.check("x.md", marker
                + "claim CmpRows@0{ratio>=1.05} == 0 -->\nNo cell changed by more than five percent.\n", true).problems();
        assertTrue(atMost.size() == 1 && atMost.get(0).contains("which is false"), atMost.toString());
    }

    /** A count of results pinned as constants ("=12; =12") passes whatever the runs say: a count must be computed. */
    @Test
    void aCountPinnedAsAConstantFails() throws IOException {
        String count = "12 of 12 intervals hold 1";
        FigureCheck check = new FigureCheck(ROOT);
        String marker = "<!-- figures run=compare-20261207-195358-dev-2core-aa1-vs-20261207-210034-dev-2core-aa2: ";
        String pinned = marker + "=12; =12; =1 -->\nA repeat of the same commit changed no cell: " + count + ".\n";
        List<String> problems = check.check("README.md", pinned, true).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("figure \"12\"") && p.contains("a count of things is a result")),
                problems.toString());
        String planted = pinned.replace(count, count.replace("12 of 12", "11 of 12")).replace("=12; =12", "=11; =12");
        assertFalse(check.check("README.md", planted, true).problems().isEmpty(), "11 of 12, pinned, still fails");
        assertEquals(List.of(), check.check("README.md", marker + "CmpRows@0{ratio_low<=1,ratio_high>=1}; CmpRows@0; =1 -->\n"
                + "A repeat of the same commit changed no cell: " + count + ".\n", true).problems(), "computed, it passes");
        assertEquals(List.of(), check.check("x.md", "<!-- figures: =1 CPUs that taskset -c 0 allows; =2 -->\nIt may run on 1 of 2 CPUs.\n",
                false).problems(), "a count that is a setting says which");
    }

    /** A figure inside an inline code span (a printed line quoted in a paragraph) is checked as the prose around it. */
    @Test
    void aChangedFigureInACodeSpanFails() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/results.md"));
        String example = "a SEQUENTIAL CPU batch took 375 ms at 1 core";
        assertTrue(doc.contains(example));
        String fence = "```\n<!-- figures run=20261201-081732-dev-2core: =64; CPU.SEQUENTIAL@1; =1; =2; CPU.SEQUENTIAL@2 / CPU.FIXED_POOL@2 -->\n";
        int at = doc.indexOf(fence);
        assertTrue(at >= 0, "the fenced example of docs/results.md");
        int end = doc.indexOf("```", at + fence.length());
        String line = doc.substring(at + fence.length(), end).strip();
        // In a code span only what reads as a figure (a unit, a decimal) is a number: 64, 1 and 2 are not.
        String inline = doc.substring(0, at) + "<!-- figures run=20261201-081732-dev-2core: CPU.SEQUENTIAL@1;"
                + " CPU.SEQUENTIAL@2 / CPU.FIXED_POOL@2 -->\nThe report says `" + line + "`\n" + doc.substring(end + 3);
        FigureCheck check = new FigureCheck(ROOT);
        assertEquals(List.of(), check.check("docs/results.md", inline, false).problems(), "the copy with a code span passes first");
        List<String> problems = check.check("docs/results.md", inline.replace(example, example.replace("375", "385")), false).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("figure \"385\"") && p.contains("CPU.SEQUENTIAL@1")), problems.toString());
        assertFalse(check.check("x.md", "The report prints `a batch took 385 ms`.\n", false).problems().isEmpty(),
                "an unmarked figure in a code span has no source");
        assertEquals(List.of(), check.check("README.md", "Run `--cores 1,2 --min-rounds 5`.\n", true).problems(),
                "a flag's value in a code span is not a figure");
    }

    /** "every", "all", "at most" beside a number that no marker accounts for fail, in a doc where counts need no marker. */
    @Test
    void aNumberInASentenceThatSaysEveryOrAtMostNeedsACheck() {
        FigureCheck check = new FigureCheck(ROOT);
        assertEquals(List.of(), check.check("x.md", "A batch holds 64 tasks.\n", false).problems());
        for (String sentence : List.of("Every cell took 64 rounds.\n", "At most 3 cells were slower.\n",
                "It gained in all 6 workloads.\n", "None of the 12 cells moved.\n")) {
            List<String> problems = check.check("x.md", sentence, false).problems();
            assertTrue(problems.size() == 1 && problems.get(0).contains("has no check"), sentence + problems);
        }
    }

    /** "largest", "at most", "none" beside a measured figure need a claim: the figure alone may be any cell's. */
    @Test
    void aMeasuredFigureBesideLargestNeedsAClaim() {
        String marker = "<!-- figures run=compare-20261207-195358-dev-2core-aa1-vs-20261207-210034-dev-2core-aa2: ";
        String sentence = "-->\nThe largest change was 5.2%.\n";
        FigureCheck check = new FigureCheck(ROOT);
        List<String> bare = check.check("x.md", marker + "(cmp@1{model=VIRTUAL_THREADS,workload=CPU} - 1) * 100 " + sentence,
                true).problems();
        assertTrue(bare.size() == 1 && bare.get(0).contains("no claim checks the word"), bare.toString());
        assertEquals(List.of(), check.check("x.md", marker + "(cmp@1{model=VIRTUAL_THREADS,workload=CPU} - 1) * 100;"
                + " claim CmpRows@0{ratio>=1.0521} + CmpRows@0{ratio<=0.9479} == 0 " + sentence, true).problems());
    }

    private static int lastDigit(String printed) {
        for (int i = printed.length() - 1; i >= 0; i--) {
            if (Character.isDigit(printed.charAt(i))) {
                return i;
            }
        }
        throw new IllegalStateException(printed);
    }

    private static List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }
}
