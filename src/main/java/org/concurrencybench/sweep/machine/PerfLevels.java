package org.concurrencybench.sweep.machine;

import java.util.ArrayList;
import java.util.List;

/**
 * The core types of an Apple silicon Mac, from {@code sysctl hw.perflevel0.logicalcpu} (the
 * performance cores) and {@code hw.perflevel1.logicalcpu} (the efficiency cores). macOS cannot pin
 * a process to CPUs, so this only names what a core count may run on in its labels ("4 (P-cores)"
 * on a machine with 4 P-cores); which CPUs the scheduler uses stays its choice.
 *
 * <p>Why a class: where there is no sysfs, this is the one source of P and E that macOS offers.
 */
final class PerfLevels {

    private PerfLevels() {
    }

    /** {@code cpus} with the first perflevel0 CPUs as P and the rest as E, where macOS reports both levels. */
    static List<LogicalCpu> typed(List<LogicalCpu> cpus) {
        Integer performance = sysctl("hw.perflevel0.logicalcpu");
        Integer efficient = sysctl("hw.perflevel1.logicalcpu");
        if (performance == null || efficient == null || performance + efficient != cpus.size()) {
            return cpus;
        }
        List<LogicalCpu> typed = new ArrayList<>();
        for (int i = 0; i < cpus.size(); i++) {
            LogicalCpu cpu = cpus.get(i);
            boolean p = i < performance;
            typed.add(new LogicalCpu(cpu.cpu(), p ? "P" : "E", p ? 0 : 1, cpu.socket(), cpu.node(), cpu.l3Group(),
                    cpu.core()));
        }
        return typed;
    }

    private static Integer sysctl(String name) {
        String value = MachineProbe.command(List.of("sysctl", "-n", name), null);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
