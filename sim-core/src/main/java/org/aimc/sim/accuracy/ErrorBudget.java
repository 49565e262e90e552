package org.aimc.sim.accuracy;

/**
 * Output-error variances of one MVM column by source, in squared integer output units (weight LSB x input
 * LSB), with the signal power they compare to. Sources are assumed independent, so variances add.
 */
public final class ErrorBudget {
    private final double[] variance = new double[ErrorSource.values().length];
    private double signalPower;

    /** The state of this budget: every variance, then the signal power (for memoising). */
    public double[] snapshot() {
        double[] out = java.util.Arrays.copyOf(variance, variance.length + 1);
        out[variance.length] = signalPower;
        return out;
    }

    /** Restores a {@link #snapshot}. Modifies this budget. */
    public ErrorBudget restore(double[] snap) {
        System.arraycopy(snap, 0, variance, 0, variance.length);
        signalPower = snap[variance.length];
        return this;
    }

    /** Resets every variance and the signal power. Modifies this budget. */
    public ErrorBudget clear() {
        java.util.Arrays.fill(variance, 0);
        signalPower = 0;
        return this;
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
