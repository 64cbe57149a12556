package org.concurrencybench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a run folder as the sweep writes it: {@code machine.json}, one {@code cores-N.json} (JMH's
 * own output) per core count, and optionally {@code outcomes.json}. Any unreadable file stops the
 * report with a one-line {@link ReportException}: a report silently missing a core count would
 * draw a wrong scaling curve.
 */
public final class RunReader {

    private static final Pattern CORES_FILE = Pattern.compile("cores-(\\d+)\\.json");

    private RunReader() {
    }

    public static RunResults read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ReportException(directory + ": no such run folder");
        }
        Path machineFile = directory.resolve("machine.json");
        if (!Files.exists(machineFile)) {
            throw new ReportException(machineFile + ": file not found (every run folder written by the sweep has one)");
        }
        String folderName = directory.toAbsolutePath().normalize().getFileName().toString();
        MachineInfo machine = MachineInfo.fromJson(JsonFiles.read(machineFile), machineFile, folderName);
        SortedMap<Integer, List<BenchmarkResult>> byCores = new TreeMap<>();
        for (Path file : coresFiles(directory)) {
            Matcher name = CORES_FILE.matcher(file.getFileName().toString());
            if (name.matches()) {
                byCores.put(Integer.parseInt(name.group(1)), JmhResultParser.parse(JsonFiles.read(file), file));
            }
        }
        if (byCores.isEmpty()) {
            throw new ReportException(directory + ": no cores-N.json results in this folder (is it a run folder?)");
        }
        Path outcomesFile = directory.resolve("outcomes.json");
        List<Outcome> outcomes = Files.exists(outcomesFile) ? outcomes(JsonFiles.read(outcomesFile), outcomesFile)
                : List.of();
        return new RunResults(directory, machine, byCores, outcomes);
    }

    private static List<Path> coresFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> CORES_FILE.matcher(file.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new ReportException(directory + ": cannot list the folder (" + e.getMessage() + ")");
        }
    }

    private static List<Outcome> outcomes(JsonNode root, Path file) {
        if (!root.isArray()) {
            throw new ReportException(file + ": expected an array of capacity outcomes");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode entry : root) {
            JsonNode predicted = entry.get("predictedMillis");
            double predictedMillis = JmhResultParser.number(predicted);
            outcomes.add(new Outcome(entry.path("cores").asInt(0), entry.path("benchmark").asText(""),
                    entry.path("model").asText("?"), entry.path("workload").asText("?"), entry.path("tasks").asLong(0),
                    entry.path("status").asText("FAILED"), entry.path("reason").asText(""),
                    Double.isFinite(predictedMillis) ? predictedMillis : null));
        }
        return outcomes;
    }
}
