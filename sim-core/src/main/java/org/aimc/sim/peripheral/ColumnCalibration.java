package org.aimc.sim.peripheral;

import org.aimc.sim.cost.Technology;

/**
 * Per-column digital affine calibration (physics.md §1.1: y = gamma_j · ADC(...) + beta_j; §2.2: C_int
 * mismatch calibrated by a digital affine). After programming, each conversion channel's static transfer
 * from its nominal analog value to the converter output, raw = a · v + b (analog gain and offset of the
 * column, converter gain and offset), is measured with reference inputs near the two ends of the range as
 * the mean code over many conversions; the correction v = (raw - b) / a is then applied to every conversion.
 * The mean code shows only what moves codes: temporal noise below an LSB leaves it quantised, so a
 * converter offset below half an LSB is not seen (and not subtracted), while noise of an LSB or more
 * dithers it toward the continuous transfer. It cannot remove what is not affine in v: INL, quantisation,
 * noise, and errors that depend on the data.
 *
 * <p>Cost per conversion: a multiply by a {@value #COEFF_BITS}-bit coefficient (an array multiplier of
 * ADC bits x coefficient bits full-adder cells) and an addition.
 */
public final class ColumnCalibration {
    /** Precision of the calibration coefficients; typical 8 b [T]. */
    public static final int COEFF_BITS = 8;

    private final double[] gain;
    private final double[] offset;

    private ColumnCalibration(double[] gain, double[] offset) {
        this.gain = gain;
        this.offset = offset;
    }

    /** The identity (no calibration) for {@code channels} channels. */
    public static ColumnCalibration identity(int channels) {
        double[] g = new double[channels];
        java.util.Arrays.fill(g, 1);
        return new ColumnCalibration(g, new double[channels]);
    }

    /**
     * A calibration for channels whose measured transfer is raw = a[ch] v + b[ch]. Reads the arrays.
     */
    public static ColumnCalibration measured(double[] a, double[] b) {
        double[] g = new double[a.length];
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] != 0) || !Double.isFinite(a[i])) {
                throw new IllegalArgumentException("channel " + i + " has gain " + a[i] + ": cannot calibrate");
            }
            g[i] = 1 / a[i];
            o[i] = -b[i] / a[i];
        }
        return new ColumnCalibration(g, o);
    }

    /** The corrected value of a raw conversion of channel {@code ch}. */
    public double apply(int ch, double raw) {
        return gain[ch] * raw + offset[ch];
    }

    /** Energy of correcting one conversion, J. */
    public static double energyJ(int adcBits, int accumulatorBits, Technology tech) {
        return ((double) adcBits * COEFF_BITS + accumulatorBits) * tech.addBitEnergyJ();
    }

    /** Area of the correction behind one converter (multiplier and adder), m^2. */
    public static double areaM2(int adcBits, int accumulatorBits, Technology tech) {
        return tech.gatesArea(ShiftAdd.GATES_PER_BIT * ((double) adcBits * COEFF_BITS / 2 + accumulatorBits));
    }
}
