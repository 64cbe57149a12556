package org.concurrencybench.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.util.Arrays;
import org.concurrencybench.model.Model;
import org.junit.jupiter.api.Test;

/** Colours are keyed by model name: a model's colour does not depend on its place in {@link Model}. */
class ModelPaletteTest {

    @Test
    void aModelKeepsItsColourWhateverItsPosition() {
        assertEquals(new Color(0x2E4057), ModelPalette.colour("SEQUENTIAL"));
        assertEquals(new Color(0x9467BD), ModelPalette.colour("GLOBAL_LOCK"));
        assertEquals(new Color(0xC5B0D5), ModelPalette.colour("global_lock_per_task"));
    }

    @Test
    void everyModelHasAColourOfItsOwn() {
        long distinct = Arrays.stream(Model.values()).map(m -> ModelPalette.colour(m.name())).distinct().count();
        assertEquals(Model.values().length, distinct);
    }

    @Test
    void anUnknownNameGetsAStableExtraColour() {
        // Stable across runs and JVMs: String.hashCode is specified, and "ACTORS".hashCode() % 5 == 0,
        // the first of the extra colours, which no known model has.
        assertEquals(new Color(0xBCBD22), ModelPalette.colour("ACTORS"));
        for (Model model : Model.values()) {
            assertNotEquals(ModelPalette.colour(model.name()), ModelPalette.colour("ACTORS"), model.name());
        }
    }
}
