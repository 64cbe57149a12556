package org.concurrencybench.report.charts;

import java.awt.Color;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.concurrencybench.model.Model;

/**
 * One fixed colour per model, so a model looks the same in every chart and
 * table of every report, and two machines' charts can be read side by side. Names not in
 * {@link Model} (a newer suite's model) sort after the known ones and get a stable colour of their own.
 */
public final class ModelPalette {

    /**
     * Colour-blind-safe colours (Okabe-Ito, then Tableau), by model name: a model added to
     * {@link Model}, or one reordered, leaves the others' colours as they were.
     */
    private static final Map<String, Color> KNOWN = Map.ofEntries(
            // the baseline in charcoal: near black, but tinted, so no anti-aliased black text is this colour
            Map.entry(Model.SEQUENTIAL.name(), new Color(0x2B2B36)),
            Map.entry(Model.THREAD_PER_TASK.name(), new Color(0xE69F00)),
            Map.entry(Model.FIXED_POOL.name(), new Color(0x0072B2)),
            Map.entry(Model.FORK_JOIN.name(), new Color(0x009E73)),
            Map.entry(Model.VIRTUAL_THREADS.name(), new Color(0xCC79A7)),
            Map.entry(Model.PROCESS_POOL.name(), new Color(0xD55E00)),
            Map.entry(Model.PROCESS_PER_TASK.name(), new Color(0x8C564B)),
            Map.entry(Model.GLOBAL_LOCK.name(), new Color(0x9467BD)),
            Map.entry(Model.EVENT_LOOP.name(), new Color(0x56B4E9)),
            // yellow-green, a hue of its own: the two GIL models must not read as shades of one purple
            Map.entry(Model.GLOBAL_LOCK_PER_TASK.name(), new Color(0x7CAE00)));

    private static final Color[] EXTRA = {new Color(0x17BECF), new Color(0x7F2704), new Color(0x1B4F72),
        new Color(0xE377C2), new Color(0xFF7F0E)};


    private ModelPalette() {
    }

    public static Color colour(String model) {
        Color known = KNOWN.get(model.trim().toUpperCase(Locale.ROOT));
        return known != null ? known : EXTRA[Math.floorMod(model.hashCode(), EXTRA.length)];
    }

}
