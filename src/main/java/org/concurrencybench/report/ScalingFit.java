package org.concurrencybench.report;

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
 * @param lambdaCi   {low, high}
 * @param sigmaCi    {low, high}
 * @param kappaCi    {low, high}; NaN for Amdahl
 * @param rSquared   coefficient of determination on throughput
 * @param points     number of core counts fitted
 * @param note       null when fitted, else why not
 */
public record ScalingFit(Law law, double lambda, double sigma, double kappa, double[] lambdaCi, double[] sigmaCi,
        double[] kappaCi, double rSquared, int points, String note) {

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

    static ScalingFit notFitted(Law law, int points, String note) {
        double[] none = {Double.NaN, Double.NaN};
        return new ScalingFit(law, Double.NaN, Double.NaN, Double.NaN, none, none, none, Double.NaN, points, note);
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
