package org.concurrencybench.report.stats;

/**
 * A scaling law fitted to one model's throughput against cores:
 * {@code X(p) = lambda p / (1 + sigma (p - 1) + kappa p (p - 1))}, the Universal Scalability Law;
 * Amdahl's law is the same with {@code kappa = 0} and {@code sigma} the serial fraction.
 * Throughput is batches per second; each parameter has a confidence interval from the fit's
 * covariance. {@code note} says why there is no fit when {@link #fitted()} is false.
 *
 * @param law        which law
 * @param lambda     throughput at one core, batches/s
 * @param sigma      contention (Amdahl: the serial fraction)
 * @param kappa      coherency (0 for Amdahl)
 * @param lambdaCi   lambda's interval
 * @param sigmaCi    sigma's interval
 * @param kappaCi    kappa's interval; {@link Interval#NONE} for Amdahl
 * @param rSquared   coefficient of determination on throughput
 * @param points     number of core counts fitted
 * @param note       null when fitted, else why not
 * @param residuals  what the fit minimised
 */
public record ScalingFit(Law law, double lambda, double sigma, double kappa, Interval lambdaCi, Interval sigmaCi,
        Interval kappaCi, double rSquared, int points, String note, Residuals residuals) {

    /** What the least squares minimise. */
    public enum Residuals {
        /** Ordinary least squares on throughput, as the USL's reference implementations (R's usl package). */
        ABSOLUTE("ols"),
        /** Residuals relative to the measured throughput (weights 1/X^2): every core count counts alike. */
        RELATIVE("relative");

        public final String label;

        Residuals(String label) {
            this.label = label;
        }

        /** {@code ols} or {@code relative}, any case; else an error naming the valid values. */
        public static Residuals parse(String name) {
            for (Residuals value : values()) {
                if (value.label.equalsIgnoreCase(name.trim())) {
                    return value;
                }
            }
            throw new IllegalArgumentException("unknown fit '" + name + "'; valid: ols, relative");
        }
    }

    /** The two laws fitted. */
    public enum Law {
        AMDAHL("Amdahl", 2), USL("USL", 3);

        public final String label;
        public final int parameters;

        Law(String label, int parameters) {
            this.label = label;
            this.parameters = parameters;
        }
    }

    static ScalingFit notFitted(Law law, int points, String note, Residuals residuals) {
        return new ScalingFit(law, Double.NaN, Double.NaN, Double.NaN, Interval.NONE, Interval.NONE, Interval.NONE,
                Double.NaN, points, note, residuals);
    }

    public boolean fitted() {
        return note == null;
    }

    /** Throughput the fitted law predicts at {@code cores}. */
    public double throughputAt(double cores) {
        return lambda * cores / (1 + sigma * (cores - 1) + kappa * cores * (cores - 1));
    }

    /**
     * The core count where the USL's throughput peaks, {@code sqrt((1 - sigma) / kappa)}; infinite
     * when {@code kappa} is 0 (Amdahl, or no coherency cost seen), NaN when not fitted.
     */
    public double peakCores() {
        if (!fitted()) {
            return Double.NaN;
        }
        return kappa <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt(Math.max(0, 1 - sigma) / kappa);
    }
}
