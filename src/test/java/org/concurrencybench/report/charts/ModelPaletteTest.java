package org.concurrencybench.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Arrays;
import org.concurrencybench.model.Model;
import org.junit.jupiter.api.Test;

/** Colours are keyed by model name: a model's colour does not depend on its place in {@link Model}. */
class ModelPaletteTest {

    @Test
    void aModelKeepsItsColourWhateverItsPosition() {
        assertEquals(new Color(0x2B2B36), ModelPalette.colour("SEQUENTIAL"));
        assertEquals(new Color(0x9467BD), ModelPalette.colour("GLOBAL_LOCK"));
        assertEquals(new Color(0x7CAE00), ModelPalette.colour("global_lock_per_task"));
    }

    @Test
    void everyModelHasAColourOfItsOwn() {
        long distinct = Arrays.stream(Model.values()).map(m -> ModelPalette.colour(m.name())).distinct().count();
        assertEquals(Model.values().length, distinct);
    }

    @Test
    void theGilModelsAndTheBaselineDifferInHueNotShade() {
        float[] gil = hsb(ModelPalette.colour("GLOBAL_LOCK"));
        float[] gilPerTask = hsb(ModelPalette.colour("GLOBAL_LOCK_PER_TASK"));
        float[] sequential = hsb(ModelPalette.colour("SEQUENTIAL"));
        assertTrue(hueApart(gil, gilPerTask) >= 60, "GLOBAL_LOCK and GLOBAL_LOCK_PER_TASK: hues 60 degrees apart");
        assertTrue(gil[1] > 0.3 && gilPerTask[1] > 0.3, "both saturated, not greys");
        for (Model other : Model.values()) {
            float[] hsb = hsb(ModelPalette.colour(other.name()));
            for (String gilModel : new String[] {"GLOBAL_LOCK", "GLOBAL_LOCK_PER_TASK"}) {
                if (!other.name().equals(gilModel) && hsb[1] > 0.3) {
                    assertTrue(hueApart(hsb(ModelPalette.colour(gilModel)), hsb) >= 30, gilModel + " beside " + other);
                }
            }
        }
        // the baseline is the neutral one: near black, where the GIL models are coloured
        assertTrue(sequential[1] < 0.3 && sequential[2] < 0.3, "SEQUENTIAL a dark near-neutral");
    }

    private static float[] hsb(Color colour) {
        return Color.RGBtoHSB(colour.getRed(), colour.getGreen(), colour.getBlue(), null);
    }

    private static double hueApart(float[] a, float[] b) {
        double degrees = Math.abs(a[0] - b[0]) * 360;
        return Math.min(degrees, 360 - degrees);
    }

    @Test
    void anUnknownNameGetsAStableExtraColour() {
        // Stable across runs and JVMs: String.hashCode is specified, and "ACTORS".hashCode() % 5 == 0,
        // the first of the extra colours, which no known model has.
        assertEquals(new Color(0x17BECF), ModelPalette.colour("ACTORS"));
        for (Model model : Model.values()) {
            assertNotEquals(ModelPalette.colour(model.name()), ModelPalette.colour("ACTORS"), model.name());
        }
    }
}
