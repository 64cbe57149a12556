package org.concurrencybench.report.input;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.JmhResult;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.RunFolderException;

/**
 * The report's view of JMH's {@code -rf json} files: the suite's one reader ({@link JmhResultFile})
 * turned into {@link BenchmarkResult}s, its one-line errors into the report's {@link ReportException}.
 */
final class JmhResultParser {

    private JmhResultParser() {
    }

    static List<BenchmarkResult> read(Path file) {
        try {
            return JmhResultFile.read(file).stream().map(JmhResultParser::result).toList();
        } catch (RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }

    private static BenchmarkResult result(JmhResult jmh) {
        Map<String, Metric> secondary = new LinkedHashMap<>();
        jmh.secondaryMetrics().forEach((name, metric) -> secondary.put(name, metric(metric)));
        return new BenchmarkResult(jmh.benchmark(), jmh.mode(), jmh.threads(), jmh.forks(), jmh.params(),
                metric(jmh.primaryMetric()), Map.copyOf(secondary));
    }

    private static Metric metric(JmhResult.Metric metric) {
        double[][] rawData = metric.rawData().stream()
                .map(fork -> fork.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        return new Metric(metric.score(), metric.scoreError(), metric.scoreUnit(), rawData);
    }
}
