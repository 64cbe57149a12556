package org.concurrencybench.report.analysis;

/** What a comparison concludes about one cell: B against A. */
public enum Verdict {
    FASTER("faster"),
    SLOWER("slower"),
    NO_DIFFERENCE("no difference"),
    TOO_FEW_SAMPLES("too few samples to tell");

    public final String label;

    Verdict(String label) {
        this.label = label;
    }
}
