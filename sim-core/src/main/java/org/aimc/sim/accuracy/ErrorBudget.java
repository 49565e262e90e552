package org.aimc.sim.accuracy;

/**
 * Output-error variances of one MVM column by source, in squared integer output units (weight LSB x input
 * LSB), with the signal power they compare to. Sources are assumed independent, so variances add.
 *
 * <p>Part of an error can go with the signal itself: a systematic shrink of every stored weight (drift
 * compensated by a global rescale that also scales the noise, programming that clips low levels) makes the
 * output {@code (1 + g) y + n} with n uncorrelated with y. The budget keeps that covariance
 * {@code E[e y] = g E[y²]} ({@link #addSignalCovariance}); {@link #effectiveRelativeError} is the error a
 * network sees once such a gain is set aside, {@code sqrt(E[n²] / E[y²]) / (1 + g)}: a network's decisions
 * are close to invariant under a gain of its layer outputs, not under noise of the same size.
 */
public final class ErrorBudget {
    private final double[] variance = new double[ErrorSource.values().length];
    private double signalPower;
    private double signalCovariance;
    private double staticError;

    /**
     * The state of this budget: every variance, then the signal power, the covariance and the static error (for
     * memoising).
     */
    public double[] snapshot() {
        double[] out = java.util.Arrays.copyOf(variance, variance.length + 3);
        out[variance.length] = signalPower;
        out[variance.length + 1] = signalCovariance;
        out[variance.length + 2] = staticError;
        return out;
    }

    /** Restores a {@link #snapshot}. Modifies this budget. */
    public ErrorBudget restore(double[] snap) {
        System.arraycopy(snap, 0, variance, 0, variance.length);
        signalPower = snap[variance.length];
        signalCovariance = snap[variance.length + 1];
        staticError = snap[variance.length + 2];
        return this;
    }

    /** Resets every variance, the signal power and the covariance. Modifies this budget. */
    public ErrorBudget clear() {
        java.util.Arrays.fill(variance, 0);
        signalPower = 0;
        signalCovariance = 0;
        staticError = 0;
        return this;
    }

    /**
     * Adds {@code m} to the static error: the mean error of the output (integer output units, signed) that is the
     * same whatever the input vector and on every column of a layer — the converters' systematic INL bow and the
     * quantisation of the most frequent values, which add coherently over the cycles and slices of an output.
     * It is part of the variances already added (as its square); this keeps its sign and size apart, because a
     * network bears an offset shared by every output of a layer very differently from noise ({@code
     * AccuracySurrogate}). Modifies this budget.
     */
    public ErrorBudget addStaticError(double m) {
        if (!Double.isFinite(m)) {
            throw new IllegalStateException("static error is " + m);
        }
        staticError += m;
        return this;
    }

    /** The static error of {@link #addStaticError}, integer output units, signed (0: none). */
    public double staticError() {
        return staticError;
    }

    /**
     * Adds {@code c} to E[e y], the covariance of the error with the ideal output (the part of an error source
     * that scales with the signal). Modifies this budget.
     */
    public ErrorBudget addSignalCovariance(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalStateException("error-signal covariance is " + c);
        }
        signalCovariance += c;
        return this;
    }

    /** g = E[e y] / E[y²]: the gain of the output the error amounts to on average (0: none). */
    public double gain() {
        return signalCovariance / signalPower;
    }

    /**
     * The relative error once the gain is set aside: {@code sqrt((E[e²] - g² E[y²]) / E[y²]) / (1 + g)}, the
     * noise left after the best linear fit of the output, relative to the output's own (gained) size. Equals
     * {@link #relativeError()} without covariance; +infinity when the gain removes the whole signal
     * (g &lt;= -1).
     */
    public double effectiveRelativeError() {
        double g = gain();
        if (!(g > -1)) {
            return Double.POSITIVE_INFINITY;
        }
        double residual = Math.max(totalVariance() - signalCovariance * g, 0);
        return Math.sqrt(residual / signalPower) / (1 + g);
    }

    /** Adds {@code v} to the variance of {@code source}. Modifies this budget. */
    public ErrorBudget add(ErrorSource source, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalStateException(source.id() + " error variance is " + v);
        }
        variance[source.ordinal()] += v;
        return this;
    }

    /** Sets E[y^2] of the ideal output. Modifies this budget. */
    public ErrorBudget signalPower(double p) {
        if (!(p > 0) || Double.isInfinite(p)) {
            throw new IllegalStateException("signal power is " + p);
        }
        this.signalPower = p;
        return this;
    }

    public double variance(ErrorSource s) {
        return variance[s.ordinal()];
    }

    public double totalVariance() {
        double t = 0;
        for (double v : variance) {
            t += v;
        }
        return t;
    }

    public double signalPower() {
        return signalPower;
    }

    /** sqrt(E[error^2] / E[y^2]): the relative MVM error (physics.md §7). */
    public double relativeError() {
        return Math.sqrt(totalVariance() / signalPower);
    }

    /** Relative error of one source alone. */
    public double relativeError(ErrorSource s) {
        return Math.sqrt(variance(s) / signalPower);
    }

    /** 10 log10(E[y^2] / E[error^2]); +infinity for an exact MVM. */
    public double snrDb() {
        double t = totalVariance();
        return t == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signalPower / t);
    }

    /** The largest source, or null when the MVM is exact. */
    public ErrorSource dominant() {
        ErrorSource best = null;
        double bv = 0;
        for (ErrorSource s : ErrorSource.values()) {
            if (variance[s.ordinal()] > bv) {
                bv = variance[s.ordinal()];
                best = s;
            }
        }
        return best;
    }
}
