package org.concurrencybench.report.stats;

/**
 * The one rule by which every verdict of the report is decided: a ratio's interval read against a
 * noise floor, with three answers (an equivalence test beside the usual one, as in Schuirmann's two
 * one-sided tests, read off the interval):
 * <ul>
 *   <li>{@link Answer#HIGHER} or {@link Answer#LOWER}: the whole interval lies beyond the floor on
 *       one side: a change, and its direction;</li>
 *   <li>{@link Answer#SAME}: the whole interval lies within the floor: any change is smaller than
 *       the floor ("tied" means this, and nothing else);</li>
 *   <li>{@link Answer#CANNOT_TELL}: anything else, with the reason: no interval at all, an
 *       interval wider than the band of the floor (no outcome of this width could show "the same"),
 *       or one that straddles a bound of the floor.</li>
 * </ul>
 * The floor is multiplicative, as a ratio's scale is: a floor of 2% is the band [1/1.02, 1.02],
 * so a ratio of 0.5 lies as far from 1 as 2 does. Which interval is read (its level, what noise it
 * carries, the adjustment for many cells) is the caller's; this class only reads it.
 *
 * @param answer the answer
 * @param reason why it could not tell (empty for the other answers)
 */
public record Decision(Answer answer, String reason) {

    /** The three answers; a change has a direction. */
    public enum Answer {
        HIGHER("higher"), LOWER("lower"), SAME("the same"), CANNOT_TELL("we cannot tell");

        public final String label;

        Answer(String label) {
            this.label = label;
        }
    }

    /** The interval of {@code ratio} against a floor of {@code floor} (a fraction: 0.02 = 2%). */
    public static Decision of(RatioEstimate ratio, double floor) {
        if (!(floor >= 0) || !Double.isFinite(floor)) {
            throw new IllegalArgumentException("a noise floor is a fraction of at least 0, not " + floor);
        }
        if (!ratio.present() || !ratio.hasInterval() || !(ratio.low() > 0)) {
            return new Decision(Answer.CANNOT_TELL, "no interval");
        }
        double upper = 1 + floor;
        double lower = 1 / upper;
        if (ratio.low() > upper) {
            return new Decision(Answer.HIGHER, "");
        }
        if (ratio.high() < lower) {
            return new Decision(Answer.LOWER, "");
        }
        if (ratio.low() >= lower && ratio.high() <= upper) {
            return new Decision(Answer.SAME, "");
        }
        if (ratio.high() / ratio.low() > upper / lower) {
            return new Decision(Answer.CANNOT_TELL, "interval wider than the noise floor");
        }
        return new Decision(Answer.CANNOT_TELL, "interval straddles the noise floor");
    }

    /** Whether the interval showed a change (either way). */
    public boolean changed() {
        return answer == Answer.HIGHER || answer == Answer.LOWER;
    }

    /** Whether the interval showed that any change is within the floor. */
    public boolean same() {
        return answer == Answer.SAME;
    }

    /** The answer in words: "higher", "lower", "the same", or "we cannot tell (REASON)". */
    public String words() {
        return answer == Answer.CANNOT_TELL ? answer.label + " (" + reason + ")" : answer.label;
    }
}
