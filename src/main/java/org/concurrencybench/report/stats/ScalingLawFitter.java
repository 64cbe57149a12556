package org.concurrencybench.report.stats;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits Amdahl's law and the Universal Scalability Law to throughput against cores by nonlinear
 * least squares ({@link LevenbergMarquardtOptimizer}). By default ordinary least squares on
 * throughput, as the USL's reference implementations do (R's {@code usl} package, whose fits of
 * Gunther's published data sets the tests reproduce); relative residuals (weights {@code 1/X^2},
 * so a 16-core point does not drown the 1-core one) are an option. Parameters are kept
 * non-negative. A model whose throughput does not grow from its fewest core count to the next
 * (SEQUENTIAL, a lock-bound model) is not fitted: a scaling law has nothing to describe there. Intervals: the covariance {@code (J^T W J)^-1} scaled by the residual variance
 * {@code RSS/(n - k)}, with Student-t quantiles on {@code n - k} degrees of freedom; none when
 * there are only as many points as parameters.
 */
public final class ScalingLawFitter {

    private final double level;
    private final ScalingFit.Residuals residuals;

    /** Ordinary least squares on throughput. */
    public ScalingLawFitter(double level) {
        this(level, ScalingFit.Residuals.ABSOLUTE);
    }

    public ScalingLawFitter(double level, ScalingFit.Residuals residuals) {
        this.level = level;
        this.residuals = residuals;
    }

    /**
     * @param cores      core counts
     * @param throughput mean throughput at each, any unit (the report uses batches/s)
     */
    public ScalingFit fit(ScalingFit.Law law, double[] cores, double[] throughput) {
        int n = cores.length;
        int k = law.parameters;
        if (n < k + 1) {
            return ScalingFit.notFitted(law, n, "needs at least " + (k + 1) + " core counts, has " + n, residuals);
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(throughput[i] > 0)) {
                return ScalingFit.notFitted(law, n, "a core count has no positive throughput", residuals);
            }
            weights[i] = residuals == ScalingFit.Residuals.RELATIVE ? 1 / (throughput[i] * throughput[i]) : 1;
        }
        int first = indexOfFewestCores(cores);
        int second = indexOfNextCores(cores, first);
        if (throughput[second] <= throughput[first]) {
            return ScalingFit.notFitted(law, n, String.format(java.util.Locale.ROOT,
                    "throughput does not grow from %.0f to %.0f cores (%.4g to %.4g batches/s): no scaling to fit",
                    cores[first], cores[second], throughput[first], throughput[second]), residuals);
        }
        double[] start = law == ScalingFit.Law.USL
                ? new double[] {throughput[first] / cores[first], 0.05, 1e-4}
                : new double[] {throughput[first] / cores[first], 0.05};
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .model(jacobian(law, cores))
                    .target(throughput)
                    .weight(new DiagonalMatrix(weights))
                    .start(start)
                    .parameterValidator(p -> p.map(v -> Math.max(0, v)))
                    .maxEvaluations(10_000)
                    .maxIterations(10_000)
                    .build());
        } catch (RuntimeException e) {
            return ScalingFit.notFitted(law, n, "did not converge (" + e.getMessage() + ")", residuals);
        }
        double[] p = optimum.getPoint().toArray();
        Interval[] intervals = intervals(optimum, n, k);
        double kappa = law == ScalingFit.Law.USL ? p[2] : 0;
        ScalingFit fit = new ScalingFit(law, p[0], p[1], kappa, intervals[0], intervals[1],
                law == ScalingFit.Law.USL ? intervals[2] : Interval.NONE, Double.NaN, n, null,
                residuals);
        return new ScalingFit(law, fit.lambda(), fit.sigma(), fit.kappa(), fit.lambdaCi(), fit.sigmaCi(),
                fit.kappaCi(), rSquared(fit, cores, throughput), n, null, residuals);
    }

    private Interval[] intervals(LeastSquaresOptimizer.Optimum optimum, int n, int k) {
        Interval[] intervals = new Interval[k];
        int dof = n - k;
        double[] p = optimum.getPoint().toArray();
        RealMatrix covariance;
        try {
            covariance = optimum.getCovariances(1e-14);
        } catch (RuntimeException singular) {
            covariance = null;
        }
        double residualVariance = optimum.getCost() * optimum.getCost() / dof;
        double t = SampleStats.tQuantile(level, dof);
        for (int j = 0; j < k; j++) {
            double se = covariance == null ? Double.NaN : Math.sqrt(covariance.getEntry(j, j) * residualVariance);
            intervals[j] = new Interval(p[j] - t * se, p[j] + t * se);
        }
        return intervals;
    }

    private static double rSquared(ScalingFit fit, double[] cores, double[] throughput) {
        double mean = 0;
        for (double x : throughput) {
            mean += x / throughput.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < cores.length; i++) {
            residual += Math.pow(throughput[i] - fit.throughputAt(cores[i]), 2);
            total += Math.pow(throughput[i] - mean, 2);
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
    }

    private static int indexOfFewestCores(double[] cores) {
        int best = 0;
        for (int i = 1; i < cores.length; i++) {
            if (cores[i] < cores[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int indexOfNextCores(double[] cores, int fewest) {
        int best = -1;
        for (int i = 0; i < cores.length; i++) {
            if (cores[i] > cores[fewest] && (best < 0 || cores[i] < cores[best])) {
                best = i;
            }
        }
        return best < 0 ? fewest : best;
    }

    /** X(p) = lambda p / D, D = 1 + sigma (p-1) + kappa p (p-1), and its partial derivatives. */
    private static MultivariateJacobianFunction jacobian(ScalingFit.Law law, double[] cores) {
        boolean usl = law == ScalingFit.Law.USL;
        return point -> {
            double lambda = point.getEntry(0);
            double sigma = point.getEntry(1);
            double kappa = usl ? point.getEntry(2) : 0;
            RealVector values = new ArrayRealVector(cores.length);
            RealMatrix jacobian = new Array2DRowRealMatrix(cores.length, law.parameters);
            for (int i = 0; i < cores.length; i++) {
                double p = cores[i];
                double d = 1 + sigma * (p - 1) + kappa * p * (p - 1);
                values.setEntry(i, lambda * p / d);
                jacobian.setEntry(i, 0, p / d);
                jacobian.setEntry(i, 1, -lambda * p * (p - 1) / (d * d));
                if (usl) {
                    jacobian.setEntry(i, 2, -lambda * p * p * (p - 1) / (d * d));
                }
            }
            return new Pair<>(values, jacobian);
        };
    }
}
