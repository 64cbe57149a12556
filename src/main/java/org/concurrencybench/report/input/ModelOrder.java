package org.concurrencybench.report.input;

import java.util.Comparator;
import java.util.Locale;
import org.concurrencybench.model.Model;

/**
 * The order models appear in every table, chart and verdict: {@link Model}'s order, then names this
 * suite does not know (a newer suite's model) alphabetically, so two reports list models alike.
 */
public final class ModelOrder {

    /** Orders model names: {@link Model} order first, then unknown names alphabetically. */
    public static final Comparator<String> ORDER = Comparator.comparingInt(ModelOrder::position)
            .thenComparing(Comparator.naturalOrder());

    private ModelOrder() {
    }

    /** The model's index in {@link Model}, or {@code Integer.MAX_VALUE} for an unknown name. */
    public static int position(String model) {
        try {
            return Model.valueOf(model.trim().toUpperCase(Locale.ROOT)).ordinal();
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }
}
