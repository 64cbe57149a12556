package org.concurrencybench.workload;

import java.net.InetSocketAddress;

/**
 * A task shaped like a web request handler: {@code steps} times, some CPU work
 * ({@code cpuUnitsPerStep} units of {@link CpuKernel}) then one round trip to the echo server.
 * Its checksum chains both, so the CPU and I/O parts must both run and in order.
 *
 * @param seed            decides the CPU kernel's start and the bytes sent
 * @param steps           CPU-then-round-trip steps on one connection
 * @param cpuUnitsPerStep CPU work before each round trip
 * @param bytes           size of each request
 * @param server          the echo server, on a loopback address
 */
public record MixedTask(long seed, int steps, int cpuUnitsPerStep, int bytes, InetSocketAddress server)
        implements Task {

    public MixedTask {
        if (steps < 0 || cpuUnitsPerStep < 0) {
            throw new IllegalArgumentException("mixed task steps and CPU units must be >= 0, got "
                    + steps + " and " + cpuUnitsPerStep);
        }
        EchoSteps.requireMessageSize(bytes);
    }

    @Override
    public long run(ExecutionHooks hooks) throws Exception {
        return EchoSteps.run(seed, steps, cpuUnitsPerStep, bytes, server, hooks);
    }
}
