package org.concurrencybench.sweep.machine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which performance class each CPU belongs to, from the most specific source Linux gives: Intel's
 * {@code devices/cpu_core/cpus} and {@code cpu_atom/cpus}, else {@code cpu_capacity} (ARM, any
 * number of tiers), else {@code acpi_cppc/highest_perf}, else {@code cpufreq/cpuinfo_max_freq}
 * (AMD's mixed cores, anything else). The first source every CPU has decides. CPUs of one kind
 * whose L3 differs (another size, or none at all) form classes of their own: Meteor Lake's
 * low-power E-cores off the L3 are not its compute tile's E-cores.
 *
 * <p>Why tiers and not values: {@code highest_perf} on AMD carries the preferred-core ranking,
 * a few percent apart core by core within one kind; a new tier begins only where a value falls more
 * than {@value #TIER_GAP_PERCENT}% below the next higher one, so Zen 5 and Zen 5c are two tiers and
 * the ranked Zen 5 cores one.
 *
 * <p>The order of the classes: the fastest first, slower after, a class without an L3 last (it
 * shares nothing with the cores before it); a larger L3 before a smaller one within a tier. Names:
 * P and E (P, M, E for three tiers; P, M1, M2, ..., E for more), with "LP-" before a class without
 * an L3, "LP-E" for Intel's low-power E-cores.
 */
final class PerformanceClasses {

    /** How far below the next higher value a CPU's rating must be to start a slower tier. */
    static final int TIER_GAP_PERCENT = 10;
    /** The L3 group of a CPU Linux says has no level-3 cache (its cache folder has no level 3). */
    static final int NO_L3 = -2;

    /** One CPU's class: its name (null where every core is alike) and its rank, 0 the first taken. */
    record Kind(String name, int rank) {
    }

    private record Key(int tier, boolean noL3, long l3Kib) {
    }

    private PerformanceClasses() {
    }

    /**
     * The class of each of {@code allowed}, whose L3 group ({@link #NO_L3} where none, -1 where
     * unknown) and L3 size in KiB (0 where unknown) are given.
     */
    static Map<Integer, Kind> of(Path root, Path cpuDir, SortedSet<Integer> allowed, Map<Integer, Integer> l3Group,
                                 Map<Integer, Long> l3Kib) {
        Map<Integer, Integer> tiers = new HashMap<>();
        List<String> tierNames = tiers(root, cpuDir, allowed, tiers);
        boolean someHaveL3 = allowed.stream().anyMatch(cpu -> l3Group.getOrDefault(cpu, -1) >= 0);
        Map<Integer, Key> keys = new HashMap<>();
        for (int cpu : allowed) {
            boolean noL3 = someHaveL3 && l3Group.getOrDefault(cpu, -1) == NO_L3;
            keys.put(cpu, new Key(tiers.getOrDefault(cpu, 0), noL3, noL3 ? 0 : l3Kib.getOrDefault(cpu, 0L)));
        }
        List<Key> ordered = keys.values().stream().distinct()
                .sorted(Comparator.comparing(Key::noL3).thenComparingInt(Key::tier)
                        .thenComparing(Comparator.comparingLong(Key::l3Kib).reversed()))
                .toList();
        Map<Key, Kind> kinds = new HashMap<>();
        for (int rank = 0; rank < ordered.size(); rank++) {
            Key key = ordered.get(rank);
            kinds.put(key, new Kind(ordered.size() == 1 ? null : name(key, tierNames, ordered), rank));
        }
        Map<Integer, Kind> result = new HashMap<>();
        keys.forEach((cpu, key) -> result.put(cpu, kinds.get(key)));
        return result;
    }

    private static String name(Key key, List<String> tierNames, List<Key> all) {
        String tier = key.tier() < tierNames.size() ? tierNames.get(key.tier()) : "P";
        if (key.noL3()) {
            return "LP-" + tier;
        }
        boolean sizesDiffer = all.stream().filter(k -> k.tier() == key.tier() && !k.noL3()).count() > 1;
        return sizesDiffer ? tier + "(" + key.l3Kib() / 1024 + "M L3)" : tier;
    }

    /** Fills each CPU's tier (0 the fastest) from the first source every CPU has; returns the tiers' names. */
    private static List<String> tiers(Path root, Path cpuDir, SortedSet<Integer> allowed, Map<Integer, Integer> tiers) {
        String performance = SysfsTopology.read(root.resolve("devices/cpu_core/cpus"));
        String efficient = SysfsTopology.read(root.resolve("devices/cpu_atom/cpus"));
        if (performance != null && efficient != null) {
            SysfsTopology.parseCpuList(performance).forEach(cpu -> tiers.put(cpu, 0));
            SysfsTopology.parseCpuList(efficient).forEach(cpu -> tiers.put(cpu, 1));
            return List.of("P", "E");
        }
        for (String file : List.of("cpu_capacity", "acpi_cppc/highest_perf", "cpufreq/cpuinfo_max_freq")) {
            Map<Integer, Long> rating = ratings(allowed, cpu -> cpuDir.resolve("cpu" + cpu).resolve(file));
            if (rating != null) {
                return rank(rating, tiers);
            }
        }
        return List.of();
    }

    /** Each CPU's number in its file, or null where a CPU lacks it. */
    private static Map<Integer, Long> ratings(SortedSet<Integer> allowed, Function<Integer, Path> file) {
        Map<Integer, Long> rating = new HashMap<>();
        for (int cpu : allowed) {
            String text = SysfsTopology.read(file.apply(cpu));
            try {
                rating.put(cpu, Long.parseLong(Objects.requireNonNull(text)));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return rating.isEmpty() ? null : rating;
    }

    /** Tiers of ratings: a new one where a value falls more than the gap below the next higher one. */
    private static List<String> rank(Map<Integer, Long> rating, Map<Integer, Integer> tiers) {
        TreeSet<Long> distinct = new TreeSet<>(Comparator.reverseOrder());
        distinct.addAll(rating.values());
        Map<Long, Integer> tierOf = new HashMap<>();
        int tier = 0;
        Long previous = null;
        for (long value : distinct) {
            if (previous != null && value * 100 < previous * (100 - TIER_GAP_PERCENT)) {
                tier++;
            }
            tierOf.put(value, tier);
            previous = value;
        }
        rating.forEach((cpu, value) -> tiers.put(cpu, tierOf.get(value)));
        return tierNames(tier + 1);
    }

    /** P and E for two tiers; P, M, E for three; P, M1, ..., E for more. */
    static List<String> tierNames(int count) {
        List<String> names = new ArrayList<>();
        names.add("P");
        for (int middle = 1; middle < count - 1; middle++) {
            names.add(count == 3 ? "M" : "M" + middle);
        }
        if (count > 1) {
            names.add("E");
        }
        return names;
    }
}
