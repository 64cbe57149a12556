package org.concurrencybench.sweep.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.concurrencybench.sweep.plan.JmhOptions;
import org.concurrencybench.sweep.plan.SweepPlan;

/**
 * JMH's command-line arguments for one planned step: the one place where the plan's typed values
 * become strings, so that the plan, its estimate and {@code verify} never read arguments back.
 * In order: the pattern of the class's benchmarks, one {@code -p NAME=V1,V2} per parameter (in the
 * plan's order), then {@code -prof gc}, {@code -f -wi -w -i -r}, {@code -to} and
 * {@code -jvmArgsPrepend} where the step asks for them. The launcher adds the result file and what
 * every fork gets ({@link JmhLauncher#command}).
 */
public final class JmhArguments {

    private JmhArguments() {
    }

    /** The arguments that run {@code step}'s benchmarks with its parameters and options. */
    public static List<String> of(SweepPlan.Step step) {
        List<String> args = new ArrayList<>(List.of(benchmarkPattern(step.benchmarkClass())));
        step.params().forEach((name, values) -> args.addAll(List.of("-p", param(name, values))));
        JmhOptions o = step.options();
        if (o.gcProfiler()) {
            args.addAll(List.of("-prof", "gc"));
        }
        args.addAll(List.of("-f", String.valueOf(o.forks()), "-wi", String.valueOf(o.warmupIterations()),
                "-w", o.warmupMillis() + "ms", "-i", String.valueOf(o.iterations()), "-r", o.iterationMillis() + "ms"));
        if (!o.timeout().isZero()) {
            args.addAll(List.of("-to", o.timeout().toSeconds() + "s"));
        }
        if (!o.forkJvmArgs().isEmpty()) {
            args.addAll(List.of("-jvmArgsPrepend", spaceSeparated(o.forkJvmArgs())));
        }
        return args;
    }

    /**
     * JMH's regular expression for every benchmark of {@code type} and of no other class: the name
     * quoted (its dots are literal) and followed by the dot before a method, so that
     * {@code ModelBenchmark} does not also pick a class whose name merely starts with it.
     */
    static String benchmarkPattern(Class<?> type) {
        return "^" + Pattern.quote(type.getName()) + "\\.";
    }

    /**
     * One {@code -p} value. JMH splits a parameter's values at commas and takes nothing empty, so a
     * value with a comma or no value at all would run other cells than planned: refused here.
     */
    static String param(String name, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("JMH parameter " + name + ": no values to run");
        }
        for (String value : values) {
            if (value.isEmpty() || value.contains(",")) {
                throw new IllegalArgumentException("JMH parameter " + name + ": the value '" + value
                        + "' cannot be passed (JMH splits values at commas and takes no empty one)");
            }
        }
        return name + "=" + String.join(",", values);
    }

    /**
     * The forks' JVM options as the one argument JMH takes: JMH splits it at spaces, so an option
     * with a space in it (a class path under a folder with a space) would reach the fork as two.
     */
    static String spaceSeparated(List<String> jvmArgs) {
        for (String arg : jvmArgs) {
            if (arg.isEmpty() || arg.contains(" ")) {
                throw new IllegalArgumentException("JVM option for JMH's forks '" + arg
                        + "': JMH splits its forks' options at spaces, so one with a space (or none) cannot pass");
            }
        }
        return String.join(" ", jvmArgs);
    }
}
