package org.aimc.sim.crossbar;

import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The two IR-drop fidelity tiers above the first-order closed form of
 * {@code org.aimc.sim.domain.ColumnSumErrors#irDropVariance} (physics.md §5.1). All three estimate the same
 * quantity: the mean squared output error, in integer output units, that wire resistance adds to a column
 * sum once a per-column gain calibration has removed the attenuation of the word lines.
 * <ul>
 *   <li>{@code segmented}: column by column. The word lines are ideal (their drop is the calibrated gain)
 *       and every bit line is solved exactly as a resistive ladder under its own cells and inputs, so the
 *       drop saturates correctly and each column's own signal current shapes its potential profile, the term
 *       the mean-field closed form leaves out (in a differential pair the G+ and G- bit lines carry different
 *       currents). Monte-Carlo over the same tiles as the nodal tier; O(MN) per input vector.</li>
 *   <li>{@code nodal}: the same tiles solved by {@link NodalModel} with both line sets and the access
 *       structure. The word-line gain is measured per physical column the way a calibration would, with the
 *       mean input on every row and the bit lines ideal, and divided out.</li>
 * </ul>
 */
public final class IrDropTiers {
    private IrDropTiers() {
    }

    /**
     * IR-drop error of one tile by the {@code segmented} or {@code nodal} tier: the calibrated mean squared
     * error of {@link #nodal} over {@link CrossbarTolerances#IR_DROP_TILES} tiles x
     * {@link CrossbarTolerances#IR_DROP_INPUTS} inputs, with ideal word lines for {@code segmented}.
     *
     * @param tier {@code segmented} or {@code nodal}
     */
    public static double variance(String tier, CrossbarSpec array, WeightMapping map, OperandStats ops,
            double zeroFraction, boolean bitSerial, double gMinS, double levelStepS, double readVoltageV) {
        CrossbarSpec a = switch (tier) {
            case "segmented" -> array.withRowWireOhm(0);
            case "nodal" -> array;
            default -> throw new IllegalArgumentException("ir_drop tier '" + tier + "' is not computed here; "
                    + "allowed: [segmented, nodal]");
        };
        return nodal(a, map, ops, zeroFraction, bitSerial, gMinS, levelStepS, readVoltageV,
                CrossbarTolerances.IR_DROP_TILES, CrossbarTolerances.IR_DROP_INPUTS).calibratedMse();
    }

    /**
     * Result of an estimate, in squared integer output units: mean squared error after and before the
     * word-line gain calibration, the mean squared ideal output (signal power), and the number of
     * (tile, input, logical column) samples averaged.
     */
    public record NodalResult(double calibratedMse, double rawMse, double signalPower, int samples) {
    }

    /**
     * Monte-Carlo estimate of the IR-drop error of a tile.
     *
     * <p>Each tile draws integer weights from {@code ops} (i.i.d. per weight), maps them to device levels with
     * {@code map} (logical column c occupies physical columns c·S·D .. (c+1)·S·D-1, slice-major, G+ before
     * G-), and sets every device to g_min + level · ΔG; those conductances are what program-and-verify makes
     * the whole cell conduct at the read voltage, so 1T1R cells are modelled with the access transistor
     * included (on-resistance 0) and a 1S1R memory element is set so that cell and selector together pass
     * G V_r at V_r. Inputs are integers in [0, x_max], zero with probability {@code zeroFraction}, otherwise
     * uniform over the non-zero codes; for linear cells a bit-serial input gives exactly the error of the
     * amplitude-encoded one (V_i = V_r x_i / x_max), so both are solved in one evaluation, while 1S1R
     * bit-serial inputs are solved cycle by cycle.
     *
     * <p>Error of physical column p: I_p / g_p - I_p(ideal), with I_p(ideal) the same array with ideal wires
     * and g_p its word-line gain, I_p / I_p(ideal) for the mean input on every row with ideal bit lines.
     * Output error: sum over slices of 2^(b s) (e(G+) - e(G-)) / (ΔG V_r / x_max).
     *
     * <p>Randomness is keyed by the tile size, mapping and data statistics only (purpose DATA), so points that
     * differ in wires, device or access see the same draws (common random numbers), on any executor.
     */
    public static NodalResult nodal(CrossbarSpec array, WeightMapping map, OperandStats ops, double zeroFraction,
            boolean bitSerial, double gMinS, double levelStepS, double readVoltageV, int weightDraws,
            int inputVectors) {
        int m = array.rows();
        int cpw = map.columnsPerWeight();
        int wc = array.cols() / cpw;
        if (wc < 1) {
            throw new CrossbarException("array of " + array.cols() + " columns holds no weight column of " + cpw
                    + " physical columns");
        }
        int cols = wc * cpw;
        boolean linear = array.linear();
        CrossbarSpec spec = array.withCols(cols).withAccessOnOhm(0);
        CrossbarSpec ideal = spec.withWireOhm(0);
        CrossbarSpec wordOnly = spec.withColWireOhm(0);
        int xMax = ops.xMax();
        int q = ops.qMax();
        double[] cdf = new double[2 * q + 1];
        double acc = 0;
        for (int w = -q; w <= q; w++) {
            acc += ops.pWeight(w);
            cdf[w + q] = acc;
        }
        long key = key(m, cols, map, ops, zeroFraction);
        double unit = levelStepS * readVoltageV / xMax;
        double meanU = (1 - zeroFraction) * (xMax + 1) / 2.0 / xMax;
        int[] plus = new int[map.slices()];
        int[] minus = new int[map.slices()];
        int dps = map.devicesPerSlice();
        double calSum = 0;
        double rawSum = 0;
        double sigSum = 0;
        int samples = 0;
        for (int d = 0; d < weightDraws; d++) {
            UniformRandomProvider rng = KeyedRandom.stream(key, 0, Purpose.DATA, d);
            int[] weights = new int[m * wc];
            double[] g = new double[m * cols];
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < wc; c++) {
                    int w = sampleWeight(rng.nextDouble(), cdf, q);
                    weights[i * wc + c] = w;
                    map.levels(w, plus, minus);
                    for (int s = 0; s < map.slices(); s++) {
                        int p0 = c * cpw + s * dps;
                        g[i * cols + p0] = memoryConductance(spec, gMinS + plus[s] * levelStepS, readVoltageV);
                        if (dps == 2) {
                            g[i * cols + p0 + 1] = memoryConductance(spec, gMinS + minus[s] * levelStepS,
                                    readVoltageV);
                        }
                    }
                }
            }
            NodalModel ref = NodalModel.of(Crossbar.of(ideal, g));
            double calV = linear || !bitSerial ? meanU * readVoltageV : readVoltageV;
            double[] cal = new double[m];
            java.util.Arrays.fill(cal, calV);
            double[] iw = new double[cols];
            double[] ir = new double[cols];
            NodalModel.of(Crossbar.of(wordOnly, g)).columnCurrents(cal, iw);
            ref.columnCurrents(cal, ir);
            NodalModel full = NodalModel.of(Crossbar.of(spec, g));
            double[] gain = new double[cols];
            for (int p = 0; p < cols; p++) {
                gain[p] = ir[p] > 0 ? iw[p] / ir[p] : 1;
            }
            int[] x = new int[inputVectors * m];
            for (int k = 0; k < x.length; k++) {
                x[k] = rng.nextDouble() < zeroFraction ? 0 : 1 + rng.nextInt(xMax);
            }
            double[] err = new double[inputVectors * cols];
            double[] errRaw = new double[inputVectors * cols];
            if (linear || !bitSerial) {
                double[] v = new double[inputVectors * m];
                for (int k = 0; k < v.length; k++) {
                    v[k] = readVoltageV * x[k] / xMax;
                }
                accumulate(full, ref, v, inputVectors, cols, gain, 1, err, errRaw);
            } else {
                int bits = Integer.SIZE - Integer.numberOfLeadingZeros(xMax);
                double[] v = new double[inputVectors * m];
                for (int b = 0; b < bits; b++) {
                    for (int k = 0; k < v.length; k++) {
                        v[k] = ((x[k] >>> b) & 1) * readVoltageV;
                    }
                    accumulate(full, ref, v, inputVectors, cols, gain, Math.scalb(1.0, b) / xMax, err, errRaw);
                }
            }
            for (int k = 0; k < inputVectors; k++) {
                for (int c = 0; c < wc; c++) {
                    double e = 0;
                    double er = 0;
                    for (int s = 0; s < map.slices(); s++) {
                        int p0 = k * cols + c * cpw + s * dps;
                        double sw = map.sliceWeight(s);
                        e += sw * (dps == 2 ? err[p0] - err[p0 + 1] : err[p0]);
                        er += sw * (dps == 2 ? errRaw[p0] - errRaw[p0 + 1] : errRaw[p0]);
                    }
                    e /= unit;
                    er /= unit;
                    calSum += e * e;
                    rawSum += er * er;
                    double y = 0;
                    for (int i = 0; i < m; i++) {
                        y += (double) weights[i * wc + c] * x[k * m + i];
                    }
                    sigSum += y * y;
                    samples++;
                }
            }
        }
        return new NodalResult(calSum / samples, rawSum / samples, sigSum / samples, samples);
    }

    /** err[k cols + p] += scale (I/g - I_ideal), errRaw likewise without the gain. */
    private static void accumulate(NodalModel full, NodalModel ref, double[] v, int count, int cols, double[] gain,
            double scale, double[] err, double[] errRaw) {
        double[] i1 = new double[count * cols];
        double[] i0 = new double[count * cols];
        full.columnCurrents(v, count, i1);
        ref.columnCurrents(v, count, i0);
        for (int k = 0; k < count; k++) {
            for (int p = 0; p < cols; p++) {
                int o = k * cols + p;
                err[o] += scale * (i1[o] / gain[p] - i0[o]);
                errRaw[o] += scale * (i1[o] - i0[o]);
            }
        }
    }

    private static int sampleWeight(double u, double[] cdf, int q) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cdf[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo - q;
    }

    /**
     * The memory element's conductance that makes the whole cell conduct {@code cellS} at the read voltage:
     * itself for linear cells; for 1S1R the series law V = I/G + V0 asinh(I/I0) solved for G at I = cellS V_r.
     */
    static double memoryConductance(CrossbarSpec spec, double cellS, double readV) {
        if (spec.linear() || cellS == 0) {
            return cellS;
        }
        double i = cellS * readV;
        double vSel = spec.selectorV0V() * CellLaws.asinh(i / spec.selectorI0A());
        if (!(vSel < readV)) {
            throw new CrossbarException("1S1R: at the read voltage " + readV + " V the selector (I0 = "
                    + spec.selectorI0A() + " A, V0 = " + spec.selectorV0V() + " V) alone drops " + vSel
                    + " V to pass the " + i + " A of a " + cellS + " S cell; raise the device's read_voltage_v "
                    + "or use 1T1R");
        }
        return i / (readV - vSel);
    }

    /**
     * A 64-bit key from what the draws depend on: the tile size, the mapping and the operand statistics
     * (stable across JVMs: no identity hashes). Wires, devices and access are not in it, so points that differ
     * only in those see the same tiles (common random numbers).
     */
    static long key(int rows, int cols, WeightMapping map, OperandStats ops, double zeroFraction) {
        long h = 0x6A09E667F3BCC908L;
        h = mix(h, rows);
        h = mix(h, cols);
        h = mix(h, map.weightBits());
        h = mix(h, map.bitsPerCell());
        h = mix(h, map.differential() ? 1 : 0);
        h = mix(h, ops.xMax());
        for (int w = -ops.qMax(); w <= ops.qMax(); w++) {
            h = mix(h, Double.doubleToLongBits(ops.pWeight(w)));
        }
        return mix(h, Double.doubleToLongBits(zeroFraction));
    }

    /** SplitMix64 finaliser of h ^ v (Steele, Lea, Flood, OOPSLA 2014). */
    private static long mix(long h, long v) {
        long z = h ^ v;
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
