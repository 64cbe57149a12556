package org.concurrencybench.sweep.machine;

import oshi.SystemInfo;

/** OSHI's view of this machine, made once and shared by the topology and the machine's state (its first call reads a good deal). */
final class Oshi {

    private static SystemInfo systemInfo;

    private Oshi() {
    }

    static synchronized SystemInfo systemInfo() {
        if (systemInfo == null) {
            // OSHI logs through SLF4J; without a provider it warns that no logger is bound.
            if (System.getProperty("slf4j.provider") == null) {
                System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
            systemInfo = new SystemInfo();
        }
        return systemInfo;
    }
}
