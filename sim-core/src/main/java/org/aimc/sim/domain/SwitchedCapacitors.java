package org.aimc.sim.domain;

import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.device.DeviceMoments;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.spec.ParamDef;

/**
 * What the two capacitor-summing domains that use the memory cell as a switch share (charge
 * redistribution, physics.md §2.3; capacitive division with fixed coupling capacitors, §2.4): each cell's
 * stored bit, read from the device state against the middle of its window, gates a unit capacitor C_u with
 * the input bit (a logic gate in the cell), and the column node forms
 * V = V_DD sum_i C_i b_i u_i / (sum_i C_i + C_p) — an average over the rows, not a sum. The digital side
 * rescales by the nominal denominator D = M C_u + C_p, so in units of Z the column reads
 * sum_i (C_i / C_u) b_i u_i · D / D_actual.
 *
 * <p>Errors: a device whose state crosses the middle of the window flips its bit (programming and drift;
 * the bit is latched, so read noise does not enter); capacitor mismatch C_i = C_u (1 + delta_i), delta
 * drawn per chip with sigma = A_C / sqrt(C_u) (Pelgrom), in the numerator (data dependent) and the
 * denominator (a per-node gain); kT/C noise of the summing node, sqrt(k T / D) per evaluation and node.
 */
final class SwitchedCapacitors {
    /** Capacitor mismatch coefficient, shared by every domain with capacitors. */
    static final ParamDef CAP_MISMATCH = ParamDef.withDefault("cap_mismatch_pct_sqrt_ff", 0, 10, 1.0,
            "physics.md §2.3: MOM caps A_C ~0.5-1.5 %·fF^0.5 (unverified [?]), here 1.0",
            "Pelgrom coefficient A_C of capacitor mismatch, sigma(dC/C) = A_C / sqrt(C), %·fF^0.5");

    private SwitchedCapacitors() {
    }

    /** Why the pairing cannot work, or null: a cell gates a capacitor with one stored bit. */
    static String binaryCells(TileContext c, String domain) {
        if (c.mapping.bitsPerCell() > 1) {
            return domain + " uses each cell as a switch that gates a unit capacitor with one stored bit; "
                    + "mapping.bits_per_cell = " + c.mapping.bitsPerCell() + " asks for multi-level cells (use 1)";
        }
        return null;
    }

    /** Nominal node capacitance D = M C_u + C_p, F. */
    static double denominatorF(TileContext c, double cUnitF, double cExtraF) {
        return c.computeRows() * cUnitF + TileCosts.columnLineCapF(c) + cExtraF;
    }

    /** kT/C noise of one node in units of Z (per input LSB of the row step). */
    static double ktcSigma(TileContext c, double denominatorF, double cUnitF) {
        double uMax = Readouts.inputs(c).uMax();
        return uMax * Math.sqrt(c.tech.kT() * denominatorF) / (cUnitF * c.tech.vddV()) * c.noiseKnob();
    }

    /** Relative mismatch of one unit capacitor (Pelgrom), knob applied. */
    static double capSigma(TileContext c, double aC, double cUnitF) {
        return aC / Math.sqrt(cUnitF / 1e-15) * c.mismatchKnob();
    }

    /**
     * The level a device presents when its state is sensed: the nearest level to the normalised state,
     * clamped to the cell's levels (for one bit: state &ge; 1/2).
     */
    static int sensedLevel(double state, int levels) {
        return (int) Math.max(0, Math.min(levels - 1, Math.floor(state + 0.5)));
    }

    /**
     * E[f] and E[f^2] of the sensing error f (±1 when the state crosses half a level step) of a device
     * programmed to {@code level}, from the closed-form moments (normal approximation of the state).
     * {@code withDrift} false counts the programming error alone. Writes {@code out[0..2)}.
     */
    static void levelError(TileContext c, int level, boolean withDrift, double[] out) {
        double gMin = c.device.params().gMinS;
        double dG = c.deviceErrors.levelStepS;
        DeviceMoments m = new DeviceMoments();
        var ni = c.spec.nonideal();
        c.device.moments(gMin + level * dG, c.spec.operating().timeS(), ni.programmingNoise(), 0, ni.drift(), m);
        double shift = (m.programmingMean + (withDrift ? m.driftMean : 0)) / dG;
        double sd = Math.sqrt(Math.max(m.programmingVar + (withDrift ? m.driftVar : 0), 0)) / dG;
        double up = level < c.mapping.levels() - 1 ? tail(0.5 - shift, sd) : 0;
        double down = level > 0 ? tail(0.5 + shift, sd) : 0;
        out[0] = up - down;
        out[1] = up + down;
    }

    /** P(X &gt; margin) for X ~ N(0, sd^2) (a step function for sd = 0). */
    private static double tail(double margin, double sd) {
        if (sd == 0) {
            return margin > 0 ? 0 : 1;
        }
        return Gaussians.cdf(-margin / sd);
    }

    /**
     * Output variance of sensing errors: e = sum_i x_i F_i with F the stored-value error of a row's cells
     * (each sensing error changes its slice digit by ±1): M E[x^2] E[F^2] + M (M - 1) E[x]^2 E[F]^2, over
     * the weight distribution.
     */
    static double flipVariance(TileContext c, int rows, boolean withDrift, Division div) {
        WeightMapping map = c.mapping;
        int levels = map.levels();
        double[] fm = new double[levels];
        double[] fq = new double[levels];
        double[] m2 = new double[2];
        for (int l = 0; l < levels; l++) {
            levelError(c, l, withDrift, m2);
            fm[l] = m2[0];
            fq[l] = m2[1];
        }
        return digitErrorVariance(c, rows, fm, fq, div);
    }

    /**
     * Stuck-at faults of a switch cell: a device stuck at g_min reads as level 0, at g_max as the top level,
     * whatever it was programmed to (rates of the preset x the stuck_at knob).
     */
    static double stuckVariance(TileContext c, int rows, Division div) {
        var p = c.device.params();
        double k = c.spec.nonideal().stuckAt();
        double p0 = p.stuckAtGMin(k);
        double p1 = p.stuckAtGMax(k);
        int levels = c.mapping.levels();
        double[] fm = new double[levels];
        double[] fq = new double[levels];
        for (int l = 0; l < levels; l++) {
            int up = levels - 1 - l;
            fm[l] = p1 * up - p0 * l;
            fq[l] = p1 * up * up + p0 * (double) l * l;
        }
        return digitErrorVariance(c, rows, fm, fq, div);
    }

    /**
     * Output variance of per-device digit errors with mean fm[level] and mean square fq[level]:
     * e = sum_i x_i F_i, F the stored-value error of a row's cells, over the weight distribution.
     */
    static double digitErrorVariance(TileContext c, int rows, double[] fm, double[] fq, Division div) {
        WeightMapping map = c.mapping;
        boolean any = false;
        for (double q : fq) {
            any |= q > 0;
        }
        if (!any) {
            return 0;
        }
        if (div != null) {
            return new DividedErrors(c, rows, fm, fq, div).variance();
        }
        OperandStats ops = c.operands;
        int slices = map.slices();
        int[] plus = new int[slices];
        int[] minus = new int[slices];
        double fMean = 0;
        double fSq = 0;
        for (int w = -map.qMax(); w <= map.qMax(); w++) {
            double p = ops.pWeight(w);
            if (p == 0) {
                continue;
            }
            map.levels(w, plus, minus);
            double mean = 0;
            double var = 0;
            for (int s = 0; s < slices; s++) {
                double sw = map.sliceWeight(s);
                for (int d = 0; d < map.devicesPerSlice(); d++) {
                    int l = d == 0 ? plus[s] : minus[s];
                    mean += (d == 0 ? 1 : -1) * sw * fm[l];
                    var += sw * sw * (fq[l] - fm[l] * fm[l]);
                }
            }
            fMean += p * mean;
            fSq += p * (var + mean * mean);
        }
        double m = rows;
        return m * ops.ex2() * fSq + m * (m - 1) * ops.ex() * ops.ex() * fMean * fMean;
    }

    /** Adds the sensing-error terms: programming alone, what drift adds to it, stuck-at faults. */
    static void addFlipTerms(TileContext c, int rows, ErrorBudget b, Division div) {
        double prog = flipVariance(c, rows, false, div);
        double total = flipVariance(c, rows, true, div);
        b.add(ErrorSource.PROGRAMMING, Math.min(prog, total));
        b.add(ErrorSource.DRIFT, Math.max(total - prog, 0));
        b.add(ErrorSource.STUCK_AT, stuckVariance(c, rows, div));
    }

    /**
     * Lines whose cells' capacitance is c0 + level units and whose denominator (dn units, nominal) is formed
     * by those same cells: a digit error changes the denominator too (capacitor weights).
     */
    record Division(double c0, double dn) {
    }

    /**
     * Output variance of per-cell digit errors F on lines that divide by their own capacitors. Line L (slice,
     * device, coefficient c_L = ±slice weight) reads sum_i x_i (a_i + F_i) dn / (dn + S), a = c0 + level,
     * S = sum_k F_k over its cells; to first order its error is N - Y S / dn with N = sum_i x_i F_i and
     * Y = sum_i x_i a_i. The output error sum_L c_L (N_L - Y_L S_L / dn) has second moment
     * sum_{L,L'} c_L c_L' (E[N N'] - E[N Y' S'] / dn - E[Y S N'] / dn + E[Y S Y' S'] / dn^2), each a mixed
     * moment of sums over M i.i.d. rows: E[prod_f sum_i z_f,i] = sum over set partitions pi of the factors of
     * (M)_|pi| prod_{B in pi} E[prod_{f in B} z_f] (falling factorial), the per-row moments taken over the
     * weight distribution (which fixes every line's level), the input (independent) and F (independent across
     * lines; E[F | l], E[F^2 | l]). It is the same expansion whatever its mean, so biased errors are exact too.
     */
    static final class DividedErrors {
        /** Factor kinds: N = x F, S = F, Y = x a. */
        static final int N = 0;
        static final int S = 1;
        static final int Y = 2;
        private final double[] fm;
        private final double[] fq;
        private final double c0;
        private final double m;
        private final double dn;
        private final double ex;
        private final double ex2;
        private final double[] coef;
        /** Per weight with non-zero probability: its probability and the level of every line. */
        private final double[] pw;
        private final int[][] lv;

        DividedErrors(TileContext c, int rows, double[] fm, double[] fq, Division div) {
            this.fm = fm;
            this.fq = fq;
            this.c0 = div.c0();
            this.dn = div.dn();
            this.m = rows;
            OperandStats ops = c.operands;
            this.ex = ops.ex();
            this.ex2 = ops.ex2();
            WeightMapping map = c.mapping;
            int slices = map.slices();
            int dps = map.devicesPerSlice();
            coef = new double[slices * dps];
            for (int s = 0; s < slices; s++) {
                for (int d = 0; d < dps; d++) {
                    coef[s * dps + d] = (d == 0 ? 1 : -1) * map.sliceWeight(s);
                }
            }
            int[] plus = new int[slices];
            int[] minus = new int[slices];
            java.util.List<double[]> ps = new java.util.ArrayList<>();
            java.util.List<int[]> ls = new java.util.ArrayList<>();
            for (int w = -map.qMax(); w <= map.qMax(); w++) {
                double p = ops.pWeight(w);
                if (p == 0) {
                    continue;
                }
                map.levels(w, plus, minus);
                int[] l = new int[slices * dps];
                for (int s = 0; s < slices; s++) {
                    for (int d = 0; d < dps; d++) {
                        l[s * dps + d] = d == 0 ? plus[s] : minus[s];
                    }
                }
                ps.add(new double[] {p});
                ls.add(l);
            }
            pw = ps.stream().mapToDouble(a -> a[0]).toArray();
            lv = ls.toArray(new int[0][]);
        }

        double variance() {
            int lines = coef.length;
            double v = 0;
            for (int a = 0; a < lines; a++) {
                for (int b = 0; b < lines; b++) {
                    double nn = moment(new int[] {N, N}, new int[] {a, b});
                    double nys = moment(new int[] {N, Y, S}, new int[] {a, b, b});
                    double ysn = moment(new int[] {Y, S, N}, new int[] {a, a, b});
                    double ysys = moment(new int[] {Y, S, Y, S}, new int[] {a, a, b, b});
                    v += coef[a] * coef[b] * (nn - (nys + ysn) / dn + ysys / (dn * dn));
                }
            }
            return Math.max(v, 0);
        }

        /** E[prod_f sum_i z_f,i] for factors of kinds {@code kind} on lines {@code line}. */
        private double moment(int[] kind, int[] line) {
            int k = kind.length;
            int[] block = new int[k];
            return partitions(kind, line, block, 0, 0);
        }

        /** Sum over the set partitions (restricted growth strings) extending block[0..pos). */
        private double partitions(int[] kind, int[] line, int[] block, int pos, int used) {
            if (pos == kind.length) {
                double term = 1;
                for (int q = 0; q < used; q++) {
                    term *= m - q; // falling factorial (M)_used
                }
                for (int q = 0; q < used && term != 0; q++) {
                    term *= rowMoment(kind, line, block, q);
                }
                return term;
            }
            double sum = 0;
            for (int b = 0; b <= used; b++) {
                block[pos] = b;
                sum += partitions(kind, line, block, pos + 1, Math.max(used, b + 1));
            }
            return sum;
        }

        /** E over one row of the product of the factors in block {@code q}. */
        private double rowMoment(int[] kind, int[] line, int[] block, int q) {
            int xPow = 0;
            for (int f = 0; f < kind.length; f++) {
                if (block[f] == q && kind[f] != S) {
                    xPow++;
                }
            }
            double xm = xPow == 0 ? 1 : xPow == 1 ? ex : ex2;
            double e = 0;
            for (int w = 0; w < pw.length; w++) {
                int[] l = lv[w];
                double prod = 1;
                for (int f = 0; f < kind.length && prod != 0; f++) {
                    if (block[f] != q) {
                        continue;
                    }
                    int ln = line[f];
                    if (kind[f] == Y) {
                        prod *= c0 + l[ln];
                    } else {
                        // F of this line: the first of its factors in the block counts its power
                        boolean first = true;
                        int power = 0;
                        for (int g = 0; g < kind.length; g++) {
                            if (block[g] == q && kind[g] != Y && line[g] == ln) {
                                if (g < f) {
                                    first = false;
                                }
                                power++;
                            }
                        }
                        if (first) {
                            prod *= power == 1 ? fm[l[ln]] : fq[l[ln]];
                        }
                    }
                }
                e += pw[w] * prod;
            }
            return xm * e;
        }
    }

    /**
     * Capacitor mismatch of a node whose cells carry a_i unit capacitors (the sensed bit, or c0 + level),
     * each with relative spread sigma / sqrt(a_i) (Pelgrom), read as sum_i x_i C_i / D · D_nominal. To first
     * order the error is N - eps Y: N = sum_i x_i delta_i the numerator's mismatch, eps = sum_i delta_i / D
     * the denominator's (which the same capacitors form), Y = sum_i x_i a_i the node's value. With
     * E[delta_i^2] = sigma^2 a_i: E[N^2] = sigma^2 M E[x^2] E[a]; E[N eps Y] ≈ sigma^2 E[Y^2] / D;
     * E[eps^2 Y^2] ≈ sigma^2 f E[Y^2] / D, f = M E[a] / D the capacitor share of the node. The denominator
     * partly cancels the numerator: Var = sigma^2 (M E[x^2] E[a] - (2 - f) E[Y^2] / D). The per-column
     * calibration corrects the readout, not this division by the array's own capacitors, so all of it stays.
     * Units: unit capacitors, D in units of C_u.
     *
     * @param shift c0 added to each level (0 for gated bits)
     */
    static double mismatchVariance(TileContext c, int rows, double sigma, double cUnitF, double denominatorF,
            double shift) {
        if (sigma == 0) {
            return 0;
        }
        Readouts.Inputs in = Readouts.inputs(c);
        Readouts.Digit[][] lv = Readouts.levels(c);
        double dn = denominatorF / cUnitF;
        int m = c.computeRows();
        double v = 0;
        for (int s = 0; s < c.mapping.slices(); s++) {
            double w2 = c.mapping.sliceWeight(s) * c.mapping.sliceWeight(s);
            for (Readouts.Digit l : lv[s]) {
                Readouts.Digit a = l.shift(shift);
                double numerator = sigma * sigma * rows * in.ex2() * a.mean();
                double ey = rows * in.ex() * a.mean();
                double y2 = Readouts.wholeVariance(in, a, rows) + ey * ey;
                double f = m * a.mean() / dn;
                v += w2 * Math.max(numerator - sigma * sigma * (2 - f) * y2 / dn, 0);
            }
        }
        return v;
    }

    /**
     * Tier B of the switch-gated capacitor column: a_i = g+ (1 + delta+_i) b+_i - g- (1 + delta-_i) b-_i with
     * b the device bit (state &ge; 1/2) and g = D / D_actual each node's denominator gain; kT/C noise of
     * the nodes. Converter ranges as the linear readout.
     */
    static final class Tile extends TileBehaviour {

        Tile(TileContext c, ProgrammedArray arr, ChipKey key, double cUnitF, double sigmaC, double denominatorF) {
            super(c, arr, 1, key);
            int m = c.computeRows();
            double[] delta = new double[rows];
            double cp = denominatorF - m * cUnitF;
            for (int j = 0; j < cols; j++) {
                for (int s = 0; s < slices; s++) {
                    int ch = channel(j, s, 0);
                    for (int d = 0; d < arr.devices; d++) {
                        double sum = 0;
                        for (int i = 0; i < rows; i++) {
                            delta[i] = sigmaC == 0 ? 0 : sigmaC * mismatchZ.sample();
                            sum += 1 + delta[i];
                        }
                        // rows of the tile beyond the programmed ones still load the node with their caps
                        double actual = (sum + (m - rows)) * cUnitF + cp;
                        double gain = denominatorF / actual;
                        double sign = d == 0 ? 1 : -1;
                        for (int i = 0; i < rows; i++) {
                            int bit = sensedLevel(arr.state(arr.index(i, j, s, d)), 2);
                            contrib[i][ch] += sign * gain * (1 + delta[i]) * bit;
                        }
                    }
                }
            }
            double ktc = ktcSigma(c, denominatorF, cUnitF) * Math.sqrt(arr.devices);
            java.util.Arrays.fill(postVariance, ktc * ktc);
            LinearColumns.ranges(this);
            finish();
        }

        @Override
        protected double compensation() {
            return 1;
        }

    }
}
