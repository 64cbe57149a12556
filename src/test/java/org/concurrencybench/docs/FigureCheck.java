package org.concurrencybench.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the figures of one Markdown file against the committed runs they name.
 *
 * <h2>Marking</h2>
 * A figure's source is an HTML comment (invisible when rendered) that starts with {@code figures}.
 * A comment alone on its lines applies to the next block (paragraph, list item or table); one inside
 * a block (at the start of a list item, say) applies to that block. A block is every line up to a
 * blank line, a new list item, a heading or a table edge.
 * <pre>
 * &lt;!-- figures run=20261201-081732-dev-2core run.q=20261201-094706-dev-2core-quick2: KEY; KEY; =64; !95 hand-timed --&gt;
 * </pre>
 * The entries after the colon pair up, in reading order, with <em>every</em> number of the block
 * (outside link targets, images' alt texts and comments; version numbers and numbers joined to words, as in
 * {@code 2-core} or {@code x86-64}, are not numbers here; inside a code span only what reads as a figure,
 * a decimal, a duration or a number with a unit, as in {@code `took 375 ms`}, not a flag's value), so a
 * block cannot hold a figure that is not accounted for. An entry is
 * <ul>
 * <li>an expression of lookups ({@code + - * /}, parentheses, numbers), whose value must round to
 *     the printed figure at the figure's own precision (half a unit of its last digit);</li>
 * <li>{@code =LITERAL}: not a measurement (a parameter, a default, a size): the text must say exactly that.
 *     A constant stands for a setting, never a result: a count of things ("12 of 12 intervals") pinned as
 *     one fails unless it names the setting it is ({@code =1 CPUs that taskset -c 0 allows});</li>
 * <li>{@code !LITERAL reason}: a figure from outside the committed runs (a published reference, a hand
 *     measurement), exempt from recomputation, with why; the text must still say exactly that.</li>
 * </ul>
 * A table's comment may say {@code table} and give a template per column, {@code col3: KEY | KEY},
 * one key per number of a cell, where {@code {row}} is the row's first cell without backticks (or the
 * next of {@code rows: A | B | ...}); the first column is the row's name, and a number in a column's
 * header must be a core count ({@code @N}) or a parameter value ({@code =N}) of that column's template. Without templates a table's
 * entries pair with the numbers of all its rows, header and first column included, row by row.
 *
 * <h2>Lookups</h2>
 * {@code [alias:]KIND@CORES{param=value,...}#metric}, from the block's run (or the aliased one):
 * <ul>
 * <li>{@code CPU|SLEEP|IO|MIXED.MODEL@N}: the {@code ModelBenchmark} cell of that workload and model in
 *     {@code cores-N.json}, the even batch ({@code spread=NONE, chunksize=1, order=AS_GENERATED}) unless
 *     the braces say otherwise; {@code Model@N{...}}, {@code Convoy@N{...}}, {@code JvmStart@N{...}},
 *     {@code Capacity@N{...}} name a benchmark and its params directly;</li>
 * <li>{@code py@N{...}}, {@code pyconvoy@N{...}}: CPython's batch or convoy in {@code cpython-cores-N.json}
 * ({@code python=3.13} among the params: {@code cpython-3.13-cores-N.json}, one interpreter of several);</li>
 * <li>{@code outcome@N{...}}: a cell without a number in {@code outcomes.json}, its {@code predictedMillis};</li>
 * <li>{@code Cells@N{...}}, {@code Outcomes@N{...}}: how many measured cells of {@code cores-N.json}, or cells
 *     without a number at N cores, have those params;</li>
 * <li>{@code cmp@N{model=..,workload=..}#column}: a row of a comparison's {@code comparison.csv} (default {@code ratio});</li>
 * <li>{@code CmpRows@N{...}}: how many rows of {@code comparison.csv} at N cores ({@code @0}: at every core count)
 *     match, where {@code column<=x} and {@code column>=x} compare a number ("12 of 12 intervals hold 1" is
 *     {@code CmpRows@0{ratio_low<=1,ratio_high>=1}; CmpRows@0}: a count of results is computed, never pinned);</li>
 * <li>{@code machine.FIELD}: a number of {@code machine.json}; {@code machine.seconds} is start to finish.</li>
 * </ul>
 * <h2>Claims</h2>
 * An entry {@code claim EXPR OP EXPR} ({@code OP} one of {@code == <= >= < >}) pairs with no number: it is a
 * sentence's word checked against the runs. "Every CPU cell is called slower" is
 * {@code claim CmpRows@0{workload=CPU,verdict=slower} == CmpRows@0{workload=CPU}}; "largest", "at most",
 * "none" likewise, as counts of the cells beyond the bound. A claim that does not hold is a problem.
 * A sentence that says "every", "all", "none", "largest", "smallest", "at most" or "at least" may hold
 * no number without a check, in any doc; one whose word is an extreme or a bound ("largest", "at most",
 * "none", ...) and holds a measured figure needs a claim in its marker: the figure alone may be any cell's.
 *
 * <h2>Fenced examples</h2>
 * A fenced block is not prose, except one that holds a {@code figures} marker: that is an example of the
 * marking, and its figures are checked as any other, so the example stays true.
 *
 * {@code #metric} is a secondary metric (e.g. {@code #gc.alloc.rate.norm}), {@code #n}, or {@code #lo}/{@code #hi},
 * the 95% Student-t interval over every iteration, forks pooled, as the report computes it. A lookup that
 * matches no cell or several fails: "the" cell of a model and workload is never guessed.
 */
final class FigureCheck {

    /** A number of the text, where it is and how it was accounted for. */
    record Figure(String file, int line, String printed, String kind, String key, String reason, Double value) {
        @Override
        public String toString() {
            return file + ":" + line + " " + printed + " " + kind + (key == null ? "" : " " + key) + (reason == null ? "" : " (" + reason + ")");
        }
    }

    /** What one file gave: its figures and every problem, each naming file, line, figure and what the run gives. */
    record Result(List<Figure> figures, List<String> problems) {
        long count(String kind) {
            return figures.stream().filter(f -> f.kind.equals(kind)).count();
        }
    }

    /** A number found in a block: its printed text, value, precision (half a unit of its last digit) and line. */
    record Token(String printed, double value, double halfUnit, int line, int start, boolean unit, boolean countOf,
            String quantifier) {
        Token(String printed, double value, double halfUnit, int line, int start) {
            this(printed, value, halfUnit, line, start, false, false, null);
        }
    }

    /** What follows a number that makes it a measurement rather than a count. */
    private static final Pattern UNIT = Pattern.compile("\\s?(?:ms|s|µs|min|×|%|MiB|KiB|GiB|MB|B|round trips|per second)(?![\\w])");

    /** What follows a number that makes it a count of things ("12 of 12 intervals"): a result to compute, unless a setting. */
    private static final Pattern COUNT_OF = Pattern.compile("\\s+of\\s+(?:the\\s+)?\\d");
    /** Words that make a sentence a claim about every cell, the extreme one or a bound, which a figure alone does not check. */
    private static final Pattern QUANTIFIER = Pattern.compile(
            "\\b(?:[Ee]very|[Aa]ll|[Nn]one|[Ll]argest|[Ss]mallest|[Aa]t most|[Aa]t least)\\b");
    /** The quantifiers that make a measured figure an extreme or a bound, which only a claim over the cells checks. */
    private static final Pattern EXTREME = Pattern.compile("largest|smallest|at most|at least|none");
    /** Where a sentence ends: a stop, question or exclamation mark or semicolon before white space, or a blank line. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;](?=\\s|$)|\\n\\s*\\n");
    private static final Pattern DURATION = Pattern.compile("(?<![\\w.])(?:(\\d+)h(\\d+)m(?:(\\d+)s)?|(\\d+)m(\\d+)s)(?![\\w])");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.\\-−])([-−]?)(\\d{1,3}(?:,\\d{3})++(?:\\.\\d++)?|\\d++(?:\\.\\d++)?)(?![\\d]|\\.\\d|-\\w|[A-Za-wyz_]|x\\w)");
    private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\n]*`");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\n]*\\]\\([^)\\s]*\\)");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)\\s]*\\)");
    private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+){2,}");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*]|\\d+\\.)\\s");
    private static final Pattern LOOKUP = Pattern.compile(
            "(?:(\\w+):)?(machine\\.([\\w.]*\\w)|(CPU|SLEEP|IO|MIXED)\\.(\\w+)@(\\d+)|(\\w+)@(\\d+))(\\{[^}]*\\})?(?:#([\\w.]+))?");

    private final Path root;
    private final Map<String, RunData> runs = new HashMap<>();

    FigureCheck(Path root) {
        this.root = root;
    }

    /** Checks {@code text}, shown as {@code file} in messages; {@code strict}: every number must be marked (the README). */
    Result check(String file, String text, boolean strict) {
        List<Figure> figures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String examples = markedFences(text);
        if (examples != null) {
            Result inFences = check(file, examples, strict);
            figures.addAll(inFences.figures());
            problems.addAll(inFences.problems());
        }
        List<Block> blocks = blocks(text);
        String pending = null;
        int pendingLine = 0;
        for (Block b : blocks) {
            String own = marker(b.text);
            if (b.commentOnly) {
                if (own != null) {
                    pending = own;
                    pendingLine = b.firstLine;
                }
                continue;
            }
            String marker = own != null ? own : pending;
            int markerLine = own != null ? b.firstLine : pendingLine;
            pending = null;
            List<Token> tokens = tokens(b);
            if (marker == null) {
                for (Token t : tokens) {
                    if (strict || figureLike(t)) {
                        problems.add(file + ":" + t.line + ": figure \"" + t.printed + "\" has no source: mark its block with <!-- figures ... -->");
                    } else if (t.quantifier != null) {
                        problems.add(file + ":" + t.line + ": figure \"" + t.printed + "\" stands in a sentence that says \""
                                + t.quantifier + "\" and has no check: mark its block with <!-- figures ... --> and compute it");
                    }
                }
                continue;
            }
            try {
                apply(file, b, marker, markerLine, tokens, figures, problems);
            } catch (IllegalArgumentException e) {
                problems.add(file + ":" + markerLine + ": marker: " + e.getMessage());
            }
        }
        return new Result(figures, problems);
    }

    private void apply(String file, Block b, String marker, int markerLine, List<Token> tokens, List<Figure> figures, List<String> problems) {
        int colon = marker.indexOf(':');
        String head = colon < 0 ? marker : marker.substring(0, colon);
        String body = colon < 0 ? "" : marker.substring(colon + 1);
        Map<String, RunData> aliases = new HashMap<>();
        boolean table = false;
        for (String word : head.trim().split("\\s+")) {
            if (word.equals("table")) {
                table = true;
            } else if (word.startsWith("run=")) {
                aliases.put("", run(word.substring(4)));
            } else if (word.startsWith("run.") && word.contains("=")) {
                aliases.put(word.substring(4, word.indexOf('=')), run(word.substring(word.indexOf('=') + 1)));
            } else if (!word.isEmpty()) {
                throw new IllegalArgumentException("unknown word " + word + " (run=ID, run.ALIAS=ID, table)");
            }
        }
        hostWords(file, b, aliases, problems);
        List<String> entries = new ArrayList<>();
        List<Token> paired = tokens;
        Map<Integer, List<String>> templates = new HashMap<>();
        List<String> rowKeys = null;
        for (String e : body.split(";")) {
            String entry = e.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher col = Pattern.compile("^col(\\d+):(.*)$", Pattern.DOTALL).matcher(entry);
            if (entry.startsWith("claim ")) {
                claim(file, markerLine, entry.substring("claim ".length()).strip(), aliases, figures, problems);
            } else if (table && col.matches()) {
                templates.put(Integer.parseInt(col.group(1)), splitBars(col.group(2)));
            } else if (table && entry.startsWith("rows:")) {
                rowKeys = splitBars(entry.substring(5));
            } else {
                entries.add(entry);
            }
        }
        if (table && !templates.isEmpty()) {
            for (int c = 2; b.header != null && c <= b.header.cells.size(); c++) {
                List<String> cores = new ArrayList<>();
                Matcher at = Pattern.compile("[@=](\\d+)").matcher(String.join(" ", templates.getOrDefault(c, List.of())));
                while (at.find()) {
                    cores.add(at.group(1));
                }
                for (Token h : tokens(b.header.cells.get(c - 1), b.header.line)) {
                    if (!cores.contains(h.printed)) {
                        problems.add(file + ":" + h.line + ": figure \"" + h.printed + "\" in the header of column " + c
                                + " is not a core count or parameter value of its template " + templates.getOrDefault(c, List.of()));
                    }
                }
            }
            paired = new ArrayList<>();
            entries = new ArrayList<>();
            int row = 0;
            for (Row r : b.rows) {
                String name = rowKeys != null ? (row < rowKeys.size() ? rowKeys.get(row) : "?") : r.cells.get(0).replace("`", "").strip();
                row++;
                for (int c = 2; c <= r.cells.size(); c++) {
                    List<Token> cell = tokens(r.cells.get(c - 1), r.line);
                    List<String> t = templates.getOrDefault(c, List.of());
                    if (cell.size() > t.size()) {
                        problems.add(file + ":" + r.line + ": column " + c + " holds " + cell.size() + " numbers (\"" + r.cells.get(c - 1).strip()
                                + "\"), its template keys " + t.size());
                        continue;
                    }
                    for (int i = 0; i < cell.size(); i++) {
                        paired.add(cell.get(i));
                        entries.add(t.get(i).replace("{row}", name));
                    }
                }
            }
        } else if (table) {
            paired = new ArrayList<>();
            for (Row r : withHeader(b)) {
                for (String cell : r.cells) {
                    paired.addAll(tokens(cell, r.line));
                }
            }
        }
        if (entries.size() != paired.size()) {
            Token first = paired.size() > entries.size() ? paired.get(entries.size()) : null;
            problems.add(file + ":" + (first != null ? first.line : markerLine) + ": the block holds " + paired.size()
                    + " numbers and its marker (line " + markerLine + ") accounts for " + entries.size()
                    + (first != null ? "; the first not accounted for is \"" + first.printed + "\"" : "")
                    + "; the numbers are " + paired.stream().map(Token::printed).toList());
            return;
        }
        boolean claimed = java.util.Arrays.stream(body.split(";")).anyMatch(e -> e.strip().startsWith("claim "));
        for (int i = 0; i < entries.size(); i++) {
            figure(file, paired.get(i), entries.get(i), aliases, claimed, figures, problems);
        }
    }

    /**
     * One number against its entry. A constant stands only for a setting: never for a count of things
     * ("12 of 12 intervals"), which is a result, and in a sentence that says "every", "largest" or
     * "at most" only with the setting's name ({@code =2 --cores}) or beside a claim that checks the word.
     */
    private void figure(String file, Token t, String entry, Map<String, RunData> aliases, boolean claimed,
            List<Figure> figures, List<String> problems) {
        String where = file + ":" + t.line + ": figure \"" + t.printed + "\"";
        if (entry.startsWith("=") || entry.startsWith("!")) {
            String rest = entry.substring(1).strip();
            String literal = rest.split("\\s+", 2)[0];
            String reason = rest.contains(" ") ? rest.substring(rest.indexOf(' ') + 1).strip() : null;
            boolean exempt = entry.startsWith("!");
            if (exempt && reason == null) {
                problems.add(where + ": exempt without a reason (!" + literal + " WHY)");
            }
            if (!literal.equals(t.printed)) {
                problems.add(where + ": the marker pins " + (exempt ? "the exempt figure " : "the constant ") + literal);
            }
            if (!exempt && t.countOf && reason == null) {
                problems.add(where + ": a count of things is a result, pinned as the constant " + literal
                        + ": compute it (Cells@N{...}, Outcomes@N{...}, CmpRows@N{...}), or name the setting it is (="
                        + literal + " SETTING)");
            }
            figures.add(new Figure(file, t.line, t.printed, exempt ? "exempt" : "constant", null, reason, null));
            return;
        }
        double value;
        String runName = aliases.containsKey("") ? aliases.get("").id : "?";
        try {
            value = new Expr(entry, aliases).parse();
        } catch (IllegalArgumentException e) {
            problems.add(where + " (" + entry + "): " + e.getMessage());
            return;
        }
        figures.add(new Figure(file, t.line, t.printed, "keyed", entry, null, value));
        if (t.quantifier != null && EXTREME.matcher(t.quantifier).matches() && !claimed) {
            problems.add(where + ": a measured figure in a sentence that says \"" + t.quantifier + "\", and no claim checks"
                    + " the word: add one to the marker (claim EXPR OP EXPR)");
        }
        if (Math.abs(value - t.value) > t.halfUnit * (1 + 1e-9) + 1e-12) {
            problems.add(where + " (" + entry + " in run " + runName + "): the run gives " + show(value) + ", which prints as "
                    + round(value, t));
        }
    }

    /** A word of the block ("every", "largest", "at most") as a comparison of two expressions over the runs. */
    private void claim(String file, int markerLine, String claim, Map<String, RunData> aliases, List<Figure> figures,
            List<String> problems) {
        String where = file + ":" + markerLine + ": claim \"" + claim + "\"";
        String[] parts = splitClaim(claim);
        if (parts == null) {
            problems.add(where + ": expected EXPR OP EXPR with OP one of == <= >= < > (outside braces)");
            return;
        }
        double left;
        double right;
        try {
            left = new Expr(parts[0], aliases).parse();
            right = new Expr(parts[2], aliases).parse();
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        boolean holds = switch (parts[1]) {
            case "==" -> Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(right));
            case "<=" -> left <= right;
            case ">=" -> left >= right;
            case "<" -> left < right;
            default -> left > right;
        };
        figures.add(new Figure(file, markerLine, claim, "claim", claim, null, left));
        if (!holds) {
            problems.add(where + ": the runs give " + show(left) + " " + parts[1] + " " + show(right) + ", which is false");
        }
    }

    /** A claim's left expression, operator and right expression, split at the first operator outside braces. */
    static String[] splitClaim(String claim) {
        int depth = 0;
        for (int i = 0; i < claim.length(); i++) {
            char c = claim.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && (c == '<' || c == '>' || c == '=')) {
                boolean two = i + 1 < claim.length() && claim.charAt(i + 1) == '=';
                if (c == '=' && !two) {
                    return null;
                }
                String op = two ? c + "=" : String.valueOf(c);
                return new String[] {claim.substring(0, i).strip(), op, claim.substring(i + op.length()).strip()};
            }
        }
        return null;
    }

    private static String show(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String round(double v, Token t) {
        if (t.printed.matches(".*[hms].*")) {
            long s = Math.round(v);
            return (s >= 3600 ? s / 3600 + "h" + String.format(Locale.ROOT, "%02dm", s / 60 % 60) : s / 60 + "m") + String.format(Locale.ROOT, "%02ds", s % 60);
        }
        int decimals = t.printed.contains(".") ? t.printed.length() - t.printed.indexOf('.') - 1 : 0;
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A CPU named in a marked block (Xeon, EPYC) must be the CPU of at least one run its marker names. */
    private void hostWords(String file, Block b, Map<String, RunData> aliases, List<String> problems) {
        String text = COMMENT.matcher(b.text).replaceAll("");
        List<RunData> runs = aliases.values().stream().filter(r -> !r.id.startsWith("compare-")).toList();
        for (String cpu : List.of("Xeon", "EPYC")) {
            if (text.contains(cpu) && !runs.isEmpty() && runs.stream().noneMatch(r -> r.machineText("cpuModel").contains(cpu))) {
                problems.add(file + ":" + b.firstLine + ": the text says " + cpu + " but run " + runs.get(0).id + " ran on "
                        + runs.get(0).machineText("cpuModel"));
            }
        }
    }

    private RunData run(String id) {
        return runs.computeIfAbsent(id, k -> RunData.open(root, k));
    }

    private static List<String> splitBars(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split("\\|")) {
            out.add(p.strip());
        }
        return out;
    }

    private static String marker(String text) {
        Matcher m = COMMENT.matcher(text);
        while (m.find()) {
            String c = m.group(1).strip();
            if (c.startsWith("figures")) {
                return c.substring("figures".length()).replaceAll("\\s+", " ").strip();
            }
        }
        return null;
    }

    /** A number worth a source even in a doc that is not strict: a decimal, or one with a unit of measure. */
    private static boolean figureLike(Token t) {
        return t.printed.contains(".") || t.printed.matches(".*[hms]") || t.unit;
    }

    /**
     * The contents of the fenced blocks that hold a {@code figures} marker, at their own line numbers
     * (every other line blank, the fences' own lines too), or null where there are none.
     */
    static String markedFences(String text) {
        String[] lines = text.split("\n", -1);
        String[] out = new String[lines.length];
        java.util.Arrays.fill(out, "");
        boolean any = false;
        int open = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("```")) {
                if (open < 0) {
                    open = i;
                    continue;
                }
                boolean marked = false;
                for (int j = open + 1; j < i; j++) {
                    marked |= lines[j].contains("<!-- figures");
                }
                for (int j = open + 1; marked && j < i; j++) {
                    out[j] = lines[j];
                }
                any |= marked;
                open = -1;
            }
        }
        return any ? String.join("\n", out) : null;
    }

    // ---- blocks and numbers ------------------------------------------------------------------

    record Row(int line, List<String> cells) {}

    static final class Block {
        final int firstLine;
        final StringBuilder raw = new StringBuilder();
        String text;
        boolean commentOnly;
        boolean table;
        Row header;
        final List<Row> rows = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();

        Block(int firstLine) {
            this.firstLine = firstLine;
        }
    }

    static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Block cur = null;
        boolean fence = false;
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int no = i + 1;
            if (!inComment && line.strip().startsWith("```")) {
                fence = !fence;
                cur = null;
                continue;
            }
            if (fence) {
                continue;
            }
            boolean startsComment = !inComment && line.strip().startsWith("<!--");
            boolean isTable = !inComment && line.startsWith("|");
            boolean newBlock = cur == null
                    || (!inComment && (line.isBlank() || line.startsWith("#") || LIST_ITEM.matcher(line).find() || startsComment
                    || isTable != cur.table || cur.commentOnly));
            if (!inComment && line.isBlank()) {
                cur = null;
                continue;
            }
            if (newBlock) {
                cur = new Block(no);
                cur.table = isTable;
                cur.commentOnly = startsComment;
                out.add(cur);
            }
            cur.raw.append(line).append('\n');
            cur.lines.add(no);
            if (cur.table && !line.matches("^\\|[\\s\\-:|]+\\|\\s*$")) {
                List<String> cells = new ArrayList<>(List.of(line.strip().replaceAll("^\\||\\|$", "").split("\\|", -1)));
                cur.rows.add(new Row(no, cells));
            }
            int opens = line.lastIndexOf("<!--");
            int closes = line.lastIndexOf("-->");
            if (opens >= 0 && opens > closes) {
                inComment = true;
            } else if (closes >= 0) {
                inComment = false;
                if (cur.commentOnly && !line.strip().endsWith("-->")) {
                    cur.commentOnly = false;
                }
            }
        }
        for (Block b : out) {
            b.text = b.raw.toString();
            if (b.table && !b.rows.isEmpty()) {
                b.header = b.rows.remove(0);
            }
            if (b.commentOnly) {
                b.commentOnly = COMMENT.matcher(b.text).replaceAll("").isBlank();
            }
        }
        return out;
    }

    private static List<Row> withHeader(Block b) {
        List<Row> rows = new ArrayList<>();
        if (b.header != null) {
            rows.add(b.header);
        }
        rows.addAll(b.rows);
        return rows;
    }

    private static List<Token> tokens(Block b) {
        if (b.table) {
            List<Token> out = new ArrayList<>();
            for (Row r : withHeader(b)) {
                for (String cell : r.cells) {
                    out.addAll(tokens(cell, r.line));
                }
            }
            return out;
        }
        return tokens(b.text, b.firstLine);
    }

    /**
     * The numbers of {@code text}, whose first line is {@code firstLine}, in reading order: those of
     * the prose, and those of its code spans that read as figures (a decimal, a duration, a number
     * with a unit), which are checked as the prose's are; a flag's value in a code span is not a figure.
     */
    static List<Token> tokens(String text, int firstLine) {
        String t = blank(COMMENT, text);
        String prose = blank(VERSION, blank(LINK_TARGET, blank(IMAGE, blank(CODE_SPAN, t))));
        String code = blank(VERSION, onlyInside(CODE_SPAN, t));
        List<Token> out = new ArrayList<>(scan(prose, t, firstLine));
        scan(code, t, firstLine).stream().filter(FigureCheck::figureLike).forEach(out::add);
        out.sort(java.util.Comparator.comparingInt(Token::start));
        return out;
    }

    /** The numbers of {@code t} (already blanked where nothing counts), with their sentences read from {@code sentences}. */
    private static List<Token> scan(String t, String sentences, int firstLine) {
        List<Token> out = new ArrayList<>();
        Matcher d = DURATION.matcher(t);
        StringBuilder rest = new StringBuilder(t);
        while (d.find()) {
            double s = d.group(1) != null
                    ? Long.parseLong(d.group(1)) * 3600 + Long.parseLong(d.group(2)) * 60 + (d.group(3) == null ? 0 : Long.parseLong(d.group(3)))
                    : Long.parseLong(d.group(4)) * 60 + Long.parseLong(d.group(5));
            double half = d.group(1) != null && d.group(3) == null ? 30 : 0.5;
            out.add(new Token(d.group(), s, half, line(t, d.start(), firstLine), d.start(), false, false,
                    quantifier(sentences, d.start(), d.end())));
            for (int i = d.start(); i < d.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Matcher n = NUMBER.matcher(rest);
        while (n.find()) {
            String digits = n.group(2);
            String sign = n.group(1);
            double v = Double.parseDouble(digits.replace(",", ""));
            if (!sign.isEmpty()) {
                v = -v;
            }
            int dot = digits.indexOf('.');
            double half = 0.5 * Math.pow(10, dot < 0 ? 0 : -(digits.length() - dot - 1));
            boolean unit = UNIT.matcher(rest).region(n.end(), rest.length()).lookingAt();
            boolean countOf = COUNT_OF.matcher(rest).region(n.end(), rest.length()).lookingAt();
            out.add(new Token(sign + digits, v, half, line(t, n.start(), firstLine), n.start(), unit, countOf,
                    quantifier(sentences, n.start(), n.end())));
        }
        out.sort(java.util.Comparator.comparingInt(Token::start));
        return out;
    }

    /** The quantifier word ("every", "largest", "at most", ...) of the sentence around {@code [start, end)}, or null. */
    private static String quantifier(String text, int start, int end) {
        int from = start;
        while (from > 0 && !SENTENCE_END.matcher(text).region(from - 1, text.length()).lookingAt()) {
            from--;
        }
        Matcher stop = SENTENCE_END.matcher(text);
        int to = stop.find(end) ? stop.start() + 1 : text.length();
        Matcher q = QUANTIFIER.matcher(text).region(from, to);
        return q.find() ? q.group().toLowerCase(Locale.ROOT) : null;
    }

    /** {@code text} blanked everywhere but inside the matches of {@code p}, whose delimiting backticks are blanked too. */
    private static String onlyInside(Pattern p, String text) {
        StringBuilder sb = new StringBuilder(text.replaceAll("[^\n]", " "));
        Matcher m = p.matcher(text);
        while (m.find()) {
            for (int i = m.start() + 1; i < m.end() - 1; i++) {
                sb.setCharAt(i, text.charAt(i));
            }
        }
        return sb.toString();
    }

    /** Every number of a whole file outside comments and fenced code, with its offset in the file. */
    static List<Token> allTokens(String text) {
        String t = blank(COMMENT, text);
        List<Token> out = new ArrayList<>();
        boolean fence = false;
        int offset = 0;
        String[] lines = t.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("```")) {
                fence = !fence;
            } else if (!fence) {
                for (Token k : tokens(lines[i], i + 1)) {
                    out.add(new Token(k.printed(), k.value(), k.halfUnit(), k.line(), offset + k.start()));
                }
            }
            offset += lines[i].length() + 1;
        }
        return out;
    }

    private static String blank(Pattern p, String text) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (sb.charAt(i) != '\n') {
                    sb.setCharAt(i, ' ');
                }
            }
        }
        return sb.toString();
    }

    private static int line(String text, int offset, int firstLine) {
        int l = firstLine;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                l++;
            }
        }
        return l;
    }

    // ---- expressions -----------------------------------------------------------------------

    private static final class Expr {
        private final String s;
        private final Map<String, RunData> aliases;
        private int pos;

        Expr(String s, Map<String, RunData> aliases) {
            this.s = s;
            this.aliases = aliases;
        }

        double parse() {
            double v = sum();
            skip();
            if (pos != s.length()) {
                throw new IllegalArgumentException("cannot read the key from \"" + s.substring(pos) + "\"");
            }
            return v;
        }

        private double sum() {
            double v = product();
            while (true) {
                skip();
                if (eat('+')) {
                    v += product();
                } else if (eat('-') || eat('−')) {
                    v -= product();
                } else {
                    return v;
                }
            }
        }

        private double product() {
            double v = factor();
            while (true) {
                skip();
                if (eat('*') || eat('×')) {
                    v *= factor();
                } else if (eat('/')) {
                    v /= factor();
                } else {
                    return v;
                }
            }
        }

        private double factor() {
            skip();
            if (eat('(')) {
                double v = sum();
                skip();
                if (!eat(')')) {
                    throw new IllegalArgumentException("missing ) in " + s);
                }
                return v;
            }
            if (eat('-') || eat('−')) {
                return -factor();
            }
            Matcher num = Pattern.compile("\\d+(?:\\.\\d+)?(?:e-?\\d+)?").matcher(s).region(pos, s.length());
            if (num.lookingAt()) {
                pos = num.end();
                return Double.parseDouble(num.group());
            }
            Matcher m = LOOKUP.matcher(s).region(pos, s.length());
            if (!m.lookingAt()) {
                throw new IllegalArgumentException("cannot read a lookup at \"" + s.substring(pos) + "\"");
            }
            pos = m.end();
            String alias = m.group(1) == null ? "" : m.group(1);
            RunData run = aliases.get(alias);
            if (run == null) {
                throw new IllegalArgumentException(alias.isEmpty() ? "no run=ID in the marker" : "no run." + alias + "=ID in the marker");
            }
            if (m.group(3) != null) {
                return run.machine(m.group(3));
            }
            Map<String, String> params = new LinkedHashMap<>();
            if (m.group(9) != null) {
                String inner = m.group(9).substring(1, m.group(9).length() - 1);
                for (String kv : inner.split(",")) {
                    if (!kv.isBlank()) {
                        String[] p = kv.split("=", 2);
                        params.put(p[0].strip(), p[1].strip());
                    }
                }
            }
            if (m.group(4) != null) {
                params.put("model", m.group(5));
                return run.lookup(m.group(4), Integer.parseInt(m.group(6)), params, m.group(10));
            }
            return run.lookup(m.group(7), Integer.parseInt(m.group(8)), params, m.group(10));
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }
    }
}
