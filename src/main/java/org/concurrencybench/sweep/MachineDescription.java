package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.SuiteJar;

import org.concurrencybench.sweep.machine.MachineProbe;
import org.concurrencybench.sweep.machine.MachineState;
import org.concurrencybench.sweep.machine.OpenFiles;
import org.concurrencybench.sweep.plan.SweepPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.MachineInfo;

/**
 * What the run's machine file ({@link org.concurrencybench.results.MachineInfo}) says of a new run: the machine and software measured (from
 * {@link MachineProbe} and the JVM's own properties), how each core count is pinned, the sweep's
 * settings so that {@code --resume} can finish the run, and the open-file limit that bounded the
 * capacity sizes.
 */
public final class MachineDescription {

    private MachineDescription() {
    }

    /** @param before the machine's state as the sweep starts */
    static MachineInfo of(SweepSettings settings, MachineInfo.State before) {
        Map<String, String> cpusByCores = new LinkedHashMap<>();
        for (int cores : settings.cores()) {
            cpusByCores.put(String.valueOf(cores), settings.topology().cpusFor(cores));
        }
        OpenFiles openFiles = OpenFiles.ofThisProcess();
        MachineInfo.Machine machine = new MachineInfo.Machine(MachineProbe.host(), MachineState.cpuModel(),
                settings.topology().physicalCores(), settings.topology().logicalCpus(), MachineProbe.memoryBytes(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                openFiles == null ? null : openFiles.hard(), settings.limits().record(settings.topology().logicalCpus()),
                before, null);
        MachineInfo.CorePinning pinning = new MachineInfo.CorePinning(settings.pinned(), settings.pinning(),
                cpusByCores, settings.topology().layout(settings.cores()));
        MachineInfo.Plan plan = new MachineInfo.Plan(settings.profile().name(), settings.cores(),
                settings.models().stream().map(Enum::name).toList(), workloadNames(settings), settings.taskCounts(),
                settings.spreads().stream().map(Enum::name).toList(),
                settings.skewWorkloads().stream().map(Enum::name).toList(), settings.params(),
                settings.profile().batchTasks(), settings.budget());
        MachineInfo.Rounds rounds = new MachineInfo.Rounds(settings.seed(), settings.profile().minRounds(),
                settings.profile().maxRounds(), settings.profile().precision(), null, null, List.of());
        MachineInfo.Resume resume = new MachineInfo.Resume(settings.chartsDir().toString(),
                settings.pythons().recorded(), (int) settings.maxBatch().toSeconds());
        return new MachineInfo(MachineInfo.SCHEMA, settings.runId(), settings.label(), settings.startedAt().toString(),
                null, MachineProbe.suiteCommit(SuiteJar.suiteDir()), settings.rehearsal() ? Boolean.TRUE : null,
                machine, pinning, plan, rounds, resume, settings.userTasks());
    }

    private static List<String> workloadNames(SweepSettings settings) {
        List<String> names = new ArrayList<>(settings.workloads().stream().map(Enum::name).toList());
        if (settings.userTasks() != null && !settings.userTasks().classes().isEmpty()) {
            names.add(org.concurrencybench.workload.Workload.USER.name());
        }
        if (settings.convoy()) {
            names.add(SweepPlan.CONVOY);
        }
        return names;
    }

}
