package org.concurrencybench.report.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.CpythonLabels;
import org.concurrencybench.results.cpython.CpythonResultFile;
import org.concurrencybench.results.cpython.CpythonResultFile.CoreCount;
import org.concurrencybench.results.cpython.CpythonResultFile.Failed;
import org.concurrencybench.results.cpython.CpythonResultFile.Python;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.RunFolderException;

/**
 * The real CPython's results of a run: one file per core count ({@link RunFolder#cpythonFile}), as the
 * companion ({@code python/cpybench}) writes it, in the shape docs/cpython.md documents. A run of
 * several interpreters has one of these per interpreter, each with its {@code label}
 * ({@link CpythonLabels}: "3.11", "3.13t"); a run of one has no label. A file of another shape (a
 * JMH array, another program's JSON) stops the report with one line naming it.
 */
public record CpythonResults(SortedMap<Integer, CoreCount> byCores, String label) {

    /** The results of a run of one interpreter. */
    public CpythonResults(SortedMap<Integer, CoreCount> byCores) {
        this(byCores, null);
    }

    public static final String FORMAT = RunFolder.CPYTHON_FORMAT;
    public static final String BATCH = "cpython.batch";
    public static final String CONVOY = "cpython.convoy";

    /**
     * The run folder's CPython results, of its first interpreter where it ran several
     * ({@link #readAll}); empty when the run has none (no python, or --no-python).
     */
    public static Optional<CpythonResults> read(Path runDirectory) {
        return readAll(runDirectory).stream().findFirst();
    }

    /**
     * Every interpreter's results in the run folder, by version ({@link CpythonLabels#ORDER}): one for
     * a run of one interpreter, none for a run without CPython.
     */
    public static List<CpythonResults> readAll(Path runDirectory) {
        if (!Files.isDirectory(runDirectory)) {
            return List.of(); // results built in memory (tests) have no folder
        }
        RunFolder folder = new RunFolder(runDirectory);
        List<CpythonResults> all = new java.util.ArrayList<>();
        try {
            for (String label : folder.cpythonLabels()) {
                SortedMap<Integer, CoreCount> byCores = new TreeMap<>();
                for (int cores : folder.cpythonCoreCounts(label)) {
                    byCores.put(cores, readFile(folder.cpythonFile(label, cores)));
                }
                all.add(new CpythonResults(byCores, label));
            }
        } catch (RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ReportException(runDirectory + ": cannot list the folder (" + e.getMessage() + ")");
        }
        return all;
    }

    /** What the report calls the interpreter: "3.13t" (its label, else its version and build), or "CPython". */
    public String name() {
        return label != null ? label
                : python().filter(p -> p.version() != null).map(p -> CpythonLabels.of(p.version(), p.freeThreaded()))
                        .orElse("CPython");
    }

    /** One file, checked for the documented shape ({@link CpythonResultFile}) and screened ({@link CpythonScreen}). */
    public static CoreCount readFile(Path file) {
        InputLimits.checkSize(file);
        try {
            return CpythonScreen.screen(file, CpythonResultFile.read(file));
        } catch (RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }

    /** The interpreter that wrote the results (the first file that names one). */
    public Optional<Python> python() {
        return byCores.values().stream().map(CoreCount::python).filter(p -> p != null).findFirst();
    }

    public boolean freeThreaded() {
        return python().map(Python::freeThreaded).orElse(false);
    }

    /** The batch entry of this form and workload at this core count. */
    public Optional<BenchmarkResult> batch(int cores, String form, String workload) {
        return entries(cores).filter(e -> e.benchmark().equals(BATCH) && e.param("form").equals(form)
                && workloadOf(e.params()).equals(workload)).findFirst();
    }

    /** Why the batch of this form and workload at this core count has no result, if the runner said. */
    public Optional<String> batchFailure(int cores, String form, String workload) {
        CoreCount count = byCores.get(cores);
        if (count == null) {
            return Optional.empty();
        }
        if (count.runnerFailure() != null) {
            return Optional.of(count.runnerFailure());
        }
        return count.failed().stream().filter(f -> f.benchmark().equals(BATCH) && form.equals(f.params().get("form"))
                && workload.equals(workloadOf(f.params()))).map(Failed::reason).findFirst();
    }

    /** The convoy entries at this core count. */
    public List<BenchmarkResult> convoy(int cores) {
        return entries(cores).filter(e -> e.benchmark().equals(CONVOY)).toList();
    }

    /** The batch workloads present, in the suite's order. */
    public List<String> workloads() {
        return byCores.keySet().stream().flatMap(this::entries).filter(e -> e.benchmark().equals(BATCH))
                .map(e -> workloadOf(e.params())).distinct().sorted(WorkloadOrder.GROUPS).toList();
    }

    /**
     * A batch's workload: the companion's {@code workload}, except that the user's function
     * ({@code --python-task}, {@code workload=USER}) is named by it: "USER digest:handle". It has no
     * JVM counterpart, so it is never paired with a Java user task's cells.
     */
    public static String workloadOf(Map<String, String> params) {
        String workload = params.getOrDefault("workload", "");
        String task = params.get("task");
        return WorkloadGroups.USER.equals(workload) && task != null ? WorkloadGroups.USER + " " + task : workload;
    }

    /** How asyncio ran the user's function ("awaited", or "on the loop" for a plain function), if it ran. */
    public Optional<String> asyncioCalls(String workload) {
        return byCores.keySet().stream().flatMap(this::entries)
                .filter(e -> e.benchmark().equals(BATCH) && workloadOf(e.params()).equals(workload)
                        && e.params().containsKey("calls") && e.param("form").equals("asyncio"))
                .map(e -> e.param("calls")).findFirst();
    }

    private Stream<BenchmarkResult> entries(int cores) {
        CoreCount count = byCores.get(cores);
        return count == null || count.benchmarks() == null ? Stream.empty() : count.benchmarks().stream();
    }
}
