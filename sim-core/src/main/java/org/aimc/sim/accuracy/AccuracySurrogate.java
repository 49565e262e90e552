package org.aimc.sim.accuracy;

import java.util.EnumSet;
import java.util.Set;

/**
 * The relative error the tier-A surrogate maps to accuracy through a workload's {@link CalibrationCurve}:
 * the analytic error of one tile column (independent operands drawn from the point's {@code data} model)
 * referred to the workload's real layer outputs.
 *
 * <p>The calibration injects, into every layer's outputs, zero-mean error uncorrelated with them, of
 * relative size σ against those layers' real mean square. The analytic budget differs from that in three
 * ways, each corrected here:
 * <ol>
 * <li><b>Gain.</b> Part of the error goes with the signal (a systematic shrink of the stored weights, the
 * drift-compensation rescale): the output is {@code (1 + g) y + n}. A network's decisions barely move under
 * such a gain (measured on fashion-mlp: gains of -26 %, -8 % and -3 % on its three layers cost 0.14 accuracy
 * points), so only n counts, relative to the gained signal ({@link ErrorBudget#effectiveRelativeError}).</li>
 * <li><b>Signal correlation.</b> The real products add coherently: their mean square is κ times that of
 * independent operands ({@link WorkloadSignal}), and the real weights' mean square differs from the model's.
 * Errors independent from row to row (device, read and circuit noise, IR drop, rounding of the operands) are
 * then smaller against the real signal by the factor f = κ(m) · E[w²]_real / E[w²]_model, m the rows a tile
 * holds of the layer. Converter errors ({@link #RANGE_SOURCES}) are not, when the converter range follows the
 * signal ({@code adc.full_scale: sigma}, designed per layer for the real signal): they keep their relative
 * size; with {@code full_scale: max} (a fixed range) they scale like the others.</li>
 * <li><b>Bit-serial ranges.</b> With bit-serial inputs a converter converts every input bit, so a range that
 * follows the signal is sized on the per-bit conversions, whose spread goes with the largest bit activity
 * a_max, while the layer output goes with the codes' mean square E[x²]. The operand model (codes zero or
 * uniform over the non-zero codes) has the ratio ρ_model = a_max / (E[x²] / x_max²) = 3 x_max / (2 x_max + 1)
 * whatever its zero fraction; a trained network's ReLU-fed layers have small codes with busy low bits and a
 * ratio many times that ({@link WorkloadSignal.Layer#bitSerialRatio}). The range-following converter
 * variances of a bit-serial point are therefore multiplied per layer by ρ_layer(B) / ρ_model(B).</li>
 * <li><b>Per layer.</b> f differs from layer to layer; each layer's error is corrected with its own f and,
 * as the calibration puts the same σ in every layer, the equivalent σ is the root mean square over layers.</li>
 * <li><b>Static offsets</b> ({@link #lookup} with a curve that has offset rows). Part of a converter's error is
 * the same for every input vector and every column ({@link ErrorBudget#staticError}: the systematic INL bow,
 * which the column calibration near the ends of the range leaves at mid-range, added over every cycle and
 * slice). Measured on fashion-mlp tier B (6-bit SAR, 1,000 images): 60-70 % of the error energy is one offset
 * shared by all columns and examples, and the network bears it very differently from fresh noise of the same
 * size: subtracting the shared offset from tier B's outputs moved flash charge-domain bit-serial inputs from
 * 0.839 to 0.876 (every column's static error: 0.887), while Gaussian noise of the measured per-layer error
 * sizes gave 0.682. Its square
 * is taken out of the range-following variances and it is looked up on its own axis, as δ = the offset against
 * each hidden layer's output (scaled like the converter errors: by the bit-serial range factor's square root
 * with a range that follows the signal, by 1/√f otherwise), root mean square over the hidden layers with the
 * sign of their sum. The last layer's offset is dropped: the same value added to every logit leaves the class.
 * Injecting the tier-B-measured fresh errors and offsets per layer into the exact network reproduced tier B
 * (0.838 vs 0.839, 0.152 vs 0.179 at a 4-bit bit-serial point).</li>
 * </ol>
 * Without signal statistics (a curve of format 1, a workload without them) only the gain is set aside.
 */
public final class AccuracySurrogate {
    /** Sources whose size follows the converter range rather than the array's row sums. */
    public static final Set<ErrorSource> RANGE_SOURCES = EnumSet.of(ErrorSource.ADC, ErrorSource.ADC_NONLINEARITY,
            ErrorSource.ADC_NOISE, ErrorSource.ADC_OFFSET_GAIN, ErrorSource.SATURATION);

    private AccuracySurrogate() {
    }

    /**
     * The σ to look up in the calibration curve.
     *
     * @param b                  the budget of one tile column (its signal power set)
     * @param operandRelError    relative error of quantising the operands, same model ({@link OperandStats})
     * @param signal             the workload's signal statistics, or null
     * @param tileRows           rows of a tile
     * @param modelWeightSquare  E[w²] / Q² of the point's weight model
     * @param rangeFollowsSignal true for {@code adc.full_scale: sigma}
     * @return σ ≥ 0, +infinity when the gain removes the signal (g ≤ -1)
     */
    public static double sigma(ErrorBudget b, double operandRelError, WorkloadSignal signal, int tileRows,
            double modelWeightSquare, boolean rangeFollowsSignal) {
        return sigma(b, operandRelError, signal, tileRows, modelWeightSquare, rangeFollowsSignal, 0);
    }

    /**
     * As above for a point whose inputs are bit-serial with {@code bitSerialInputBits} bits (0: not bit-serial):
     * its range-following converter variances are scaled per layer by the layer's bit-serial range ratio
     * against the operand model's ({@link #bitSerialRangeFactor}).
     */
    public static double sigma(ErrorBudget b, double operandRelError, WorkloadSignal signal, int tileRows,
            double modelWeightSquare, boolean rangeFollowsSignal, int bitSerialInputBits) {
        return lookup(b, operandRelError, signal, tileRows, modelWeightSquare, rangeFollowsSignal, bitSerialInputBits,
                false).sigma();
    }

    /**
     * What the surrogate looks up in a curve with offset rows ({@link CalibrationCurve#hasOffsets()}): the
     * relative error that varies from input to input, and the static offset of the hidden layers.
     *
     * @param sigma  σ of the fluctuating error (all of it when the static part is not kept apart)
     * @param offset δ: the static error shared by every output of a hidden layer, relative to the layer's real
     *               output RMS, signed; the root mean square over the hidden layers with the sign of their sum
     */
    public record Lookup(double sigma, double offset) {
    }

    /**
     * As {@link #sigma(ErrorBudget, double, WorkloadSignal, int, double, boolean, int)}, with the budget's static
     * error ({@link ErrorBudget#staticError}) kept apart when {@code keepStaticApart}: a network bears an offset
     * shared by all outputs of a layer (the converters' systematic bow, the same on every column and for every
     * input; measured on fashion-mlp tier B, 60–70 % of a 6-bit point's error energy) very differently from
     * fresh noise of the same size, so the curve measures it on its own axis. The last layer's offset is left
     * out: adding the same value to every logit does not change the class.
     */
    public static Lookup lookup(ErrorBudget b, double operandRelError, WorkloadSignal signal, int tileRows,
            double modelWeightSquare, boolean rangeFollowsSignal, int bitSerialInputBits, boolean keepStaticApart) {
        double g = b.gain();
        if (!(g > -1)) {
            return new Lookup(Double.POSITIVE_INFINITY, 0);
        }
        if (signal == null) {
            return new Lookup(Math.hypot(b.effectiveRelativeError(), operandRelError), 0);
        }
        double s = b.signalPower();
        double scaled = 0;
        double fixed = 0;
        for (ErrorSource src : ErrorSource.values()) {
            if (rangeFollowsSignal && RANGE_SOURCES.contains(src)) {
                fixed += b.variance(src);
            } else {
                scaled += b.variance(src);
            }
        }
        double m = keepStaticApart ? b.staticError() : 0;
        if (rangeFollowsSignal) {
            fixed = Math.max(fixed - m * m, 0);
        } else {
            scaled = Math.max(scaled - m * m, 0);
        }
        // the gain's share of the error is part of the device (scaled) group
        double noise = Math.max(scaled - g * g * s, 0);
        double sum = 0;
        double offsetSq = 0;
        double offsetSum = 0;
        int layers = signal.layers().size();
        for (int i = 0; i < layers; i++) {
            WorkloadSignal.Layer l = signal.layers().get(i);
            double f = factor(l, tileRows, modelWeightSquare);
            double rf = bitSerialInputBits > 0 ? bitSerialRangeFactor(l, bitSerialInputBits) : 1;
            double layer = (noise / f + fixed * rf) / s / ((1 + g) * (1 + g)) + operandRelError * operandRelError / f;
            sum += layer;
            if (i < layers - 1 && m != 0) {
                double d = m * Math.sqrt(rangeFollowsSignal ? rf : 1 / f) / Math.sqrt(s) / (1 + g);
                offsetSq += d * d;
                offsetSum += d;
            }
        }
        double offset = layers > 1 ? Math.copySign(Math.sqrt(offsetSq / (layers - 1)), offsetSum) : 0;
        return new Lookup(Math.sqrt(sum / layers), offset);
    }

    /**
     * ρ_layer(B) / ρ_model(B): how much larger, against the layer output, the error of a converter whose range
     * follows the per-bit conversions of B-bit bit-serial inputs is on the layer's real codes than on the
     * operand model's (1 when the layer's ratios were not measured).
     */
    public static double bitSerialRangeFactor(WorkloadSignal.Layer l, int inputBits) {
        return l.hasBitSerialRatio() ? l.bitSerialRatio(inputBits) / modelBitSerialRatio(inputBits) : 1;
    }

    /**
     * ρ_model(B) = a / (E[x²] / x_max²) of the operand model's B-bit codes (zero or uniform over 1 .. x_max):
     * a = 2^(B-1) / x_max and E[x²] / x_max² = (x_max + 1)(2 x_max + 1) / (6 x_max²) per unit of non-zero
     * probability, so ρ = 3 x_max / (2 x_max + 1) (1 at B = 1, 1.497 at B = 8).
     */
    public static double modelBitSerialRatio(int inputBits) {
        double xMax = Math.scalb(1.0, inputBits) - 1;
        return 3 * xMax / (2 * xMax + 1);
    }

    /** f = κ(m) E[w²]_real / E[w²]_model for a layer on tiles of {@code tileRows} rows. */
    public static double factor(WorkloadSignal.Layer l, int tileRows, double modelWeightSquare) {
        return l.kappa(Math.min(tileRows, l.fanIn())) * l.weightMeanSquare() / modelWeightSquare;
    }
}
