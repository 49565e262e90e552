package org.aimc.sim.peripheral;

import org.aimc.sim.numerics.KeyedRandom;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The input drivers of one chip instance (physics.md §5.3): for amplitude DACs the level each row's DAC
 * produces for each code (INL bow plus a random DNL draw per row and code), for pulse-width drivers each
 * row's static pulse-length error. Levels are in input LSB, pulse errors in seconds. Immutable.
 */
public final class DacInstance {
    private final DacErrors errors;
    private final int maxCode;
    private final double sigmaCode;
    private final long[] rowKeys;
    private final double[] rowEdgeS;

    private DacInstance(DacErrors errors, int maxCode, long[] rowKeys, double[] rowEdgeS) {
        this.errors = errors;
        this.maxCode = maxCode;
        this.sigmaCode = errors.dnlSigmaLsb() / Math.sqrt(2);
        this.rowKeys = rowKeys;
        this.rowEdgeS = rowEdgeS;
    }

    /**
     * Draws the drivers of {@code rows} rows from {@code mismatch} (the chip's circuit-mismatch stream):
     * a key per row for the per-code DNL draws of amplitude DACs, then a static edge error per row for
     * pulse-width drivers.
     */
    public static DacInstance draw(DacErrors e, Encoding enc, int bits, int rows, UniformRandomProvider mismatch) {
        long[] keys = null;
        double[] edges = null;
        if (enc == Encoding.AMPLITUDE && e.dnlSigmaLsb() > 0) {
            keys = new long[rows];
            for (int i = 0; i < rows; i++) {
                keys[i] = mismatch.nextLong();
            }
        }
        if (enc == Encoding.PULSE_WIDTH && e.edgeMismatchS() > 0) {
            edges = new double[rows];
            var z = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(mismatch);
            for (int i = 0; i < rows; i++) {
                edges[i] = e.edgeMismatchS() * z.sample();
            }
        }
        return new DacInstance(e, (1 << bits) - 1, keys, edges);
    }

    public DacErrors errors() {
        return errors;
    }

    /** True when the amplitude levels are the codes themselves. */
    public boolean exactLevels() {
        return errors.inlLsb() == 0 && rowKeys == null;
    }

    /** INL bow of code {@code k}, LSB: inl sin(pi k / k_max). */
    public double bow(int k) {
        return errors.inlLsb() * Math.sin(Math.PI * k / maxCode);
    }

    /** Level of code {@code k} (0..k_max) at the DAC of {@code row}, in input LSB. */
    public double level(int row, int k) {
        if (k == 0) {
            return 0;
        }
        double v = k + bow(k);
        if (rowKeys != null) {
            v += sigmaCode * KeyedRandom.gaussian(rowKeys[row], k);
        }
        return v;
    }

    /** Static pulse-length error of {@code row} (asymmetry plus the row's mismatch), s. */
    public double pulseErrorS(int row) {
        return errors.edgeAsymmetryS() + (rowEdgeS == null ? 0 : rowEdgeS[row]);
    }
}
