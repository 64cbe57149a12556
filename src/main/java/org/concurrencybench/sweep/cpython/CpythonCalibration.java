package org.concurrencybench.sweep.cpython;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.cpython.CpythonResultFile;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.RunFolderException;
import org.concurrencybench.sweep.plan.SweepPlan;
import org.concurrencybench.workload.Workload;

/**
 * How long one Python task should last: as long as one JVM task. The companion calibrates its CPU
 * units at the run's first CPython visit (in round 1, after that round's JMH steps) to the JVM's
 * {@code SEQUENTIAL} CPU time per task at that core count, and every later visit, in that round and
 * every later one, reuses them, so a speedup compares the same work. The pooled
 * {@code cpython-cores-N.json} records them, so a resumed run reuses them too.
 */
final class CpythonCalibration {

    /** One JVM CPU task where the sweep did not measure one: the default 700-unit task (WorkloadSettings). */
    static final double DEFAULT_TASK_MILLIS = 5.0;

    private CpythonCalibration() {
    }

    /** The CPU units an earlier core count of this run chose for interpreter {@code label} (null: a run of one) (also one measured before a --resume); null for none. */
    static Integer cpuUnits(RunFolder folder, String label) throws IOException {
        for (int cores : folder.cpythonCoreCounts(label)) {
            Integer units = cpuUnits(folder.cpythonFile(label, cores));
            if (units != null) {
                return units;
            }
        }
        return null;
    }

    /** The CPU units a finished CPython run at one core count wrote into {@code out}; null for none. */
    static Integer cpuUnits(Path out) throws IOException {
        if (!Files.isRegularFile(out)) {
            return null;
        }
        try {
            return CpythonResultFile.cpuUnits(out);
        } catch (RunFolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * One JVM CPU task's time: the JVM's SEQUENTIAL CPU batch over its tasks, from the first of
     * {@code jvmResults} (JMH files: the rounds pooled so far, the round being measured) that has it.
     */
    static double jvmTaskMillis(List<Path> jvmResults) {
        for (Path file : jvmResults) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            for (BenchmarkResult result : JmhResultFile.read(file)) {
                if (result.is("ModelBenchmark", "batch") && Model.SEQUENTIAL.name().equals(result.param("model"))
                        && Workload.CPU.name().equals(result.param("workload"))) {
                    return result.primary().score() / tasks(result);
                }
            }
        }
        return DEFAULT_TASK_MILLIS;
    }

    private static int tasks(BenchmarkResult result) {
        try {
            return Integer.parseInt(result.param("tasks"));
        } catch (NumberFormatException e) {
            return SweepPlan.declaredBatchTasks();
        }
    }
}
