package org.concurrencybench.sweep.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.JmhResult;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.sweep.plan.SweepPlan;
import org.concurrencybench.workload.Workload;

/**
 * How long one Python task should last: as long as one JVM task. The companion calibrates its CPU
 * units at the run's first core count to the JVM's {@code SEQUENTIAL} CPU time per task there, and
 * every later count reuses them, so a speedup compares the same work.
 */
final class CpythonCalibration {

    /** One JVM CPU task where the sweep did not measure one: the default 700-unit task (WorkloadSettings). */
    static final double DEFAULT_TASK_MILLIS = 5.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CpythonCalibration() {
    }

    /** The CPU units an earlier core count of this run chose (also one measured before a --resume); null for none. */
    static Integer cpuUnits(RunFolder folder) throws IOException {
        for (int cores : folder.cpythonCoreCounts()) {
            JsonNode units = JSON.readTree(folder.cpythonFile(cores).toFile()).path("cpuUnits");
            if (units.canConvertToInt() && units.asInt() > 0) {
                return units.asInt();
            }
        }
        return null;
    }

    /** One JVM CPU task's time: the JVM's SEQUENTIAL CPU batch in {@code coresFile} over its tasks. */
    static double jvmTaskMillis(Path coresFile) {
        if (Files.isRegularFile(coresFile)) {
            for (JmhResult result : JmhResultFile.read(coresFile)) {
                if (result.is("ModelBenchmark", "batch") && Model.SEQUENTIAL.name().equals(result.param("model"))
                        && Workload.CPU.name().equals(result.param("workload"))) {
                    return result.primaryMetric().score() / tasks(result);
                }
            }
        }
        return DEFAULT_TASK_MILLIS;
    }

    private static int tasks(JmhResult result) {
        try {
            return Integer.parseInt(result.param("tasks"));
        } catch (NumberFormatException e) {
            return SweepPlan.declaredBatchTasks();
        }
    }
}
