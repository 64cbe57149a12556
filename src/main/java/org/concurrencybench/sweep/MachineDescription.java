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
        SweepSettings.Plan planned = settings.plan();
        SweepSettings.Host host = settings.host();
        SweepSettings.Run run = settings.run();
        Map<String, String> cpusByCores = new LinkedHashMap<>();
        for (int cores : planned.cores()) {
            cpusByCores.put(String.valueOf(cores), host.topology().cpusFor(cores));
        }
        OpenFiles openFiles = OpenFiles.ofThisProcess();
        MachineInfo.Machine machine = new MachineInfo.Machine(MachineProbe.host(), MachineState.cpuModel(),
                host.topology().physicalCores(), host.topology().logicalCpus(), MachineProbe.memoryBytes(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                openFiles == null ? null : openFiles.hard(), host.limits().record(host.topology().logicalCpus()),
                before, null);
        MachineInfo.CorePinning pinning = new MachineInfo.CorePinning(host.pinned(), host.pinning(), cpusByCores,
                host.topology().layout(planned.cores()));
        MachineInfo.Plan plan = new MachineInfo.Plan(planned.profile().name(), planned.cores(),
                planned.models().stream().map(Enum::name).toList(), workloadNames(planned), planned.taskCounts(),
                planned.spreads().stream().map(Enum::name).toList(),
                planned.skewWorkloads().stream().map(Enum::name).toList(), planned.params(),
                planned.profile().batchTasks(), planned.budget());
        MachineInfo.Rounds rounds = new MachineInfo.Rounds(planned.seed(), planned.profile().minRounds(),
                planned.profile().maxRounds(), planned.profile().precision(), null, null, List.of());
        MachineInfo.Resume resume = new MachineInfo.Resume(run.chartsDir().toString(), host.pythons().recorded(),
                (int) planned.maxBatch().toSeconds());
        return new MachineInfo(MachineInfo.SCHEMA, run.runId(), run.label(), run.startedAt().toString(), null,
                MachineProbe.suiteCommit(SuiteJar.suiteDir()), run.rehearsal() ? Boolean.TRUE : null, machine, pinning,
                plan, rounds, resume, planned.userTasks());
    }

    private static List<String> workloadNames(SweepSettings.Plan plan) {
        List<String> names = new ArrayList<>(plan.workloads().stream().map(Enum::name).toList());
        if (plan.userTasks() != null && !plan.userTasks().classes().isEmpty()) {
            names.add(org.concurrencybench.workload.Workload.USER.name());
        }
        if (plan.convoy()) {
            names.add(SweepPlan.CONVOY);
        }
        return names;
    }

}
