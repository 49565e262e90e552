package org.aimc.sim.peripheral;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * One converter of one chip instance: its static errors drawn once (offset, gain, thresholds with INL bow
 * and random DNL), its comparator noise applied per conversion. Works in position units: a converter of
 * P = 2^B codes maps position p in [0, P) to code floor(p) when ideal. See {@link AdcErrors} for the
 * transfer. Immutable and thread-safe.
 */
public final class AdcInstance {
    private final int codes;
    private final double half;
    private final double offset;
    private final double gain;
    /** q = p · scale + shift: the affine transfer folded into two constants. */
    private final double scale;
    private final double shift;
    private final double noise;
    /**
     * The thresholds as {@link #code} compares them, k + (t_k - k) in single precision, at index k = 1..P-1,
     * with -infinity at 0 and +infinity at P (sentinels that end every walk at the ends of the range); null
     * for a linear transfer.
     */
    private final float[] bounds;
    /**
     * True when every threshold lies within one LSB of its place (k - 1 &lt; t_k &lt; k + 1): the two
     * comparisons of {@link #code} then give the exact count and the walks never move.
     */
    private final boolean near;

    /** @param thresholds t_k - k at index k = 1..P-1 (t sorted), or null for a linear transfer */
    private AdcInstance(int codes, double offset, double gain, double noise, float[] thresholds) {
        this.codes = codes;
        this.half = codes / 2.0;
        this.offset = offset;
        this.gain = gain;
        this.noise = noise;
        this.scale = 1 + gain;
        this.shift = half - half * (1 + gain) + offset;
        if (thresholds == null) {
            this.bounds = null;
        } else {
            bounds = new float[codes + 1];
            bounds[0] = Float.NEGATIVE_INFINITY;
            for (int k = 1; k < codes; k++) {
                bounds[k] = k + thresholds[k];
            }
            bounds[codes] = Float.POSITIVE_INFINITY;
        }
        boolean n = true;
        for (int k = 1; bounds != null && k < codes; k++) {
            n &= bounds[k] > k - 1 && bounds[k] < k + 1;
        }
        this.near = n;
    }

    /**
     * Draws a converter: offset, gain, then the P - 1 threshold errors, in that order from {@code z} (the
     * chip's circuit-mismatch stream). Draws nothing for an error magnitude of zero.
     */
    public static AdcInstance draw(AdcErrors e, int bits, NormalizedGaussianSampler z) {
        int p = 1 << bits;
        double offset = e.offsetSigmaLsb() == 0 ? 0 : e.offsetSigmaLsb() * z.sample();
        double gain = e.gainSigma() == 0 ? 0 : e.gainSigma() * z.sample();
        float[] t = null;
        if (!e.linear()) {
            double[] abs = new double[p];
            double sigmaT = e.dnlSigmaLsb() / Math.sqrt(2);
            for (int k = 1; k < p; k++) {
                double r = sigmaT == 0 ? 0 : sigmaT * z.sample();
                abs[k] = k + e.inlLsb() * Math.sin(Math.PI * k / p) + r;
            }
            // the code is the count of thresholds at or below the input, which does not depend on their order
            java.util.Arrays.sort(abs, 1, p);
            t = new float[p];
            for (int k = 1; k < p; k++) {
                t[k] = (float) (abs[k] - k);
            }
        }
        return new AdcInstance(p, offset, gain, e.noiseLsb(), t);
    }

    /** An exact quantiser of {@code bits} bits. */
    public static AdcInstance exact(int bits) {
        return new AdcInstance(1 << bits, 0, 0, 0, null);
    }

    /** Number of codes P. */
    public int codes() {
        return codes;
    }

    /** Offset of this converter, LSB. */
    public double offsetLsb() {
        return offset;
    }

    /** Relative gain error of this converter. */
    public double gain() {
        return gain;
    }

    /** Comparator noise, LSB rms. */
    public double noiseLsb() {
        return noise;
    }

    /** Threshold t_k (k = 1..P-1) in position units, in the single precision {@link #code} compares it in. */
    public double threshold(int k) {
        if (k < 1 || k >= codes) {
            throw new IllegalArgumentException("threshold index " + k + " outside [1, " + (codes - 1) + "]");
        }
        return bounds == null ? k : bounds[k];
    }

    /**
     * The code of input position {@code p} with comparator-noise draw {@code z} (a standard normal value, 0
     * for none): clipped to [0, P - 1].
     */
    public int code(double p, double z) {
        double q = p * scale + shift + noise * z;
        int c;
        if (q < 0) {
            c = 0;
        } else if (q >= codes) {
            c = codes - 1;
        } else {
            c = (int) q;
        }
        if (bounds != null) {
            if (q != q) {
                return c;
            }
            // thresholds within an LSB of their place move the code by at most one: two comparisons (a sorted
            // pair cannot both hold; the sentinels stop at the ends of the range), taken from the sign bits of
            // the differences (exact: distinct values never differ by zero) without branches, which the
            // near-random outcomes would mispredict
            float[] t = bounds;
            c += 1 - (int) (Double.doubleToRawLongBits(q - t[c + 1]) >>> 63)
                    - (int) (Double.doubleToRawLongBits(q - t[c]) >>> 63);
            if (near) {
                return c;
            }
            // larger excursions (INL beyond an LSB) walk on
            while (q < t[c]) {
                c--;
            }
            while (q >= t[c + 1]) {
                c++;
            }
        }
        return c;
    }

    /**
     * The position this converter's offset and gain map {@code p} to (what a two-point calibration at the
     * ends of the range measures): (p - P/2)(1 + gain) + P/2 + offset.
     */
    public double affine(double p) {
        return (p - half) * (1 + gain) + half + offset;
    }

    /** Inverse of {@link #affine}. */
    public double unaffine(double q) {
        return (q - half - offset) / (1 + gain) + half;
    }
}
