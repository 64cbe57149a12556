package org.concurrencybench.workload;

/**
 * The sizes of one task of each workload, in one place with their units and defaults.
 *
 * @param cpuUnits          CPU work per task, in {@link CpuKernel} units (default 700: a task of a few milliseconds,
 *                          long against any model's dispatch cost and of the order of the GIL's switch interval)
 * @param sleepMicros       sleep per task, microseconds (default 10,000: 10 ms)
 * @param ioRoundTrips      round trips per I/O task, and steps per mixed task (default 20)
 * @param ioBytes           bytes per request and per reply (default 256)
 * @param mixedCpuUnits     CPU work per mixed task, spread over its steps (default 200)
 * @param memoryKib         KiB one memory task streams through (default 16,384: 16 MiB, beyond any L2)
 * @param contendedCpuUnits CPU work per contended task, a locked update after each unit (default 700)
 */
public record WorkloadSettings(int cpuUnits, long sleepMicros, int ioRoundTrips, int ioBytes, int mixedCpuUnits,
                               int memoryKib, int contendedCpuUnits) {

    public static final int DEFAULT_CPU_UNITS = 700;
    public static final long DEFAULT_SLEEP_MICROS = 10_000;
    public static final int DEFAULT_IO_ROUND_TRIPS = 20;
    public static final int DEFAULT_IO_BYTES = 256;
    public static final int DEFAULT_MIXED_CPU_UNITS = 200;
    public static final int DEFAULT_MEMORY_KIB = 16 * 1024;
    public static final int DEFAULT_CONTENDED_CPU_UNITS = DEFAULT_CPU_UNITS;

    public static final WorkloadSettings DEFAULT = new WorkloadSettings(DEFAULT_CPU_UNITS, DEFAULT_SLEEP_MICROS,
            DEFAULT_IO_ROUND_TRIPS, DEFAULT_IO_BYTES, DEFAULT_MIXED_CPU_UNITS);

    /** The sizes of the first four workloads; MEMORY and CONTENDED at their defaults. */
    public WorkloadSettings(int cpuUnits, long sleepMicros, int ioRoundTrips, int ioBytes, int mixedCpuUnits) {
        this(cpuUnits, sleepMicros, ioRoundTrips, ioBytes, mixedCpuUnits, DEFAULT_MEMORY_KIB,
                DEFAULT_CONTENDED_CPU_UNITS);
    }

    public WorkloadSettings {
        requireAtLeast("cpuUnits", cpuUnits, 0);
        requireAtLeast("sleepMicros", sleepMicros, 0);
        requireAtLeast("ioRoundTrips", ioRoundTrips, 0);
        requireAtLeast("ioBytes", ioBytes, 1);
        requireAtLeast("mixedCpuUnits", mixedCpuUnits, 0);
        requireAtLeast("memoryKib", memoryKib, 0);
        requireAtLeast("contendedCpuUnits", contendedCpuUnits, 0);
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }
}
