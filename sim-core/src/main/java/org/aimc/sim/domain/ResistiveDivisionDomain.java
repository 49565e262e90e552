package org.aimc.sim.domain;

import java.util.List;
import org.aimc.sim.accuracy.DeviceErrorStats;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Resistive division (physics.md §2.5): the column node is not held at virtual ground; every cell connects
 * it through its conductance G'_i (device in series with its access transistor, {@link SeriesAccessCell})
 * to a row voltage, and a load G_L ties it to ground. The node settles at Millman's ratio
 * V = sum_i G'_i V_i / (sum_i G'_i [connected] + G_L). Uses the device as a conductance; each device of a
 * differential pair is its own node and its own conversion.
 * <ul>
 *   <li>bit-serial inputs gate the cells: a row whose bit is 1 connects its cells to V_r, the others are
 *       disconnected, so V / V_r = S / (S + G_L) with S = sum_i u_i G'_i — the denominator depends on the
 *       data: the output is compressed. With {@code invert_millman: 1} the digital side inverts the ratio
 *       exactly, S = G_L v / (1 - v) (equivalently, converter references at the compressed levels); with 0
 *       it reads v linearly with the slope at the mean, and the compression is an error.</li>
 *   <li>amplitude inputs drive every cell (V_i = V_r u_i / u_max): the denominator sum_i G'_i + G_L
 *       depends on the stored weights only; the digital side rescales by its nominal value, the
 *       calibration removes what programming changed.</li>
 * </ul>
 * The digital side removes G'_min sum u (the offset of the level grid). Errors: device programming, drift
 * and read noise in cell units; access-transistor on-resistance mismatch, sigma(dR/R) = sigma_Vt /
 * (V_GS - V_t) per cell and chip; compression; the converter, whose errors reach S through the slope of
 * the inverse, (S + G_L)^2 / G_L. Pulse-width inputs are infeasible (a divider settles to a level).
 */
public final class ResistiveDivisionDomain implements DomainKind {
    static final List<ParamDef> PARAMS = List.of(
            ParamDef.withDefault("access_r_on_ohm", 0, 1e6, 2e3,
                    "typical: 1T1R access transistor on-resistance ~1-5 kOhm [T]",
                    "on-resistance of the access transistor in series with each device, ohm"),
            ParamDef.withDefault("r_on_mismatch_rel", 0, 1, 0.057,
                    "physics.md §2.5 sigma(dR/R) ~ sigma_Vt / (V_GS - V_t): A_VT 2 mV·um (§3.4 [?]) on a "
                            + "0.1 x 0.1 um device gives 20 mV, at 0.35 V overdrive 5.7 %",
                    "relative on-resistance mismatch of the access transistors"),
            ParamDef.withDefault("load_ratio", 1e-3, 1e3, 1.0,
                    "assumption: a load equal to the mean node conductance puts the mean output at V_r / 2, "
                            + "where the divider's slope is largest",
                    "load conductance G_L relative to the mean conductance connected to a node"),
            ParamDef.withDefault("invert_millman", 0, 1, 1,
                    "design choice: the digital side inverts Millman's ratio (nonuniform references)",
                    "1: invert the divider's compression digitally; 0: read the node voltage linearly"),
            ParamDef.withDefault("c_node_extra_f", 0, 1e-11, 10e-15,
                    "typical: converter input and switch junctions ~10 fF on the node [T]",
                    "node capacitance beyond the column wire (sets the settling time), F"));

    @Override
    public String id() {
        return "resistive-division";
    }

    @Override
    public String description() {
        return "cells tie an undriven node to the row voltages: Millman voltage divider";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public DomainModel create(ParamValues p) {
        double inv = p.get("invert_millman");
        if (inv != 0 && inv != 1) {
            throw new IllegalArgumentException("invert_millman must be 0 or 1, got " + inv);
        }
        return new Model(p.get("access_r_on_ohm"), p.get("r_on_mismatch_rel"), p.get("load_ratio"), inv == 1,
                p.get("c_node_extra_f"));
    }

    /** What the analytic and the sampled model of one point share. */
    static final class Design {
        final TileContext cell;
        final SeriesAccessCell access;
        /** G'_min / ΔG'. */
        final double b;
        /** G_L / ΔG'. */
        final double lambda;
        final boolean gated;
        final Readouts.Inputs in;
        final Readouts.Digit[][] levels;
        final int rows;

        Design(TileContext c, Model m) {
            this.access = new SeriesAccessCell(c.device, m.rOn);
            DeviceErrorStats st = new DeviceErrorStats(access, c.mapping, c.operands,
                    TileContext.deviceKnobs(c.spec, c.dac), c.spec.operating().timeS(),
                    c.spec.operating().driftCompensation());
            this.cell = new TileContext(c.spec, access, c.mapping, c.operands, st, c.dac, c.adc, c.tech);
            double dG = st.levelStepS;
            this.b = access.params().gMinS / dG;
            this.gated = c.serial();
            this.in = Readouts.inputs(c);
            this.levels = Readouts.levels(c);
            this.rows = c.spec.array().rows();
            double meanLevel = Readouts.meanLevel(c);
            double connected = gated ? rows * in.eu() * (b + meanLevel) : rows * (b + meanLevel);
            this.lambda = Math.max(m.loadRatio * connected, 1e-12);
        }

        /** Node sum s = sum u (b + l) of slice s, device d: mean and standard deviation. */
        double meanS(int s, int d) {
            return Readouts.mean(in, shifted(s, d), rows);
        }

        double sdS(int s, int d) {
            return Math.sqrt(Readouts.variance(in, shifted(s, d), rows));
        }

        Readouts.Digit shifted(int s, int d) {
            return levels[s][d].shift(b);
        }

        /** Native value of a gated node: v = s / (s + lambda). */
        double ratio(double s) {
            return s / (s + lambda);
        }

        /** Exact inverse: s = lambda v / (1 - v). */
        double invert(double v) {
            return lambda * v / (1 - v);
        }

        /**
         * The linear read-out: the tangent of the divider at the node's mean sum s0,
         * s = s0 + (v - v(s0)) (s0 + lambda)^2 / lambda. What is left is the divider's curvature.
         */
        double linear(double v, double s0) {
            return s0 + (v - ratio(s0)) * (s0 + lambda) * (s0 + lambda) / lambda;
        }
    }

    static final class Model implements DomainModel {
        final double rOn;
        final double rOnSigma;
        final double loadRatio;
        final boolean invert;
        final double cExtra;

        Model(double rOn, double rOnSigma, double loadRatio, boolean invert, double cExtra) {
            this.rOn = rOn;
            this.rOnSigma = rOnSigma;
            this.loadRatio = loadRatio;
            this.invert = invert;
            this.cExtra = cExtra;
        }

        @Override
        public String infeasibility(TileContext c) {
            String mux = TileCosts.noWeightMultiplexing(c, "resistive division",
                    "divides over the conductance of one cell per stored weight");
            if (mux != null) {
                return mux;
            }
            if (c.encoding() == Encoding.PULSE_WIDTH) {
                return "a resistive divider settles to a level; pulse-width inputs carry no level";
            }
            if (c.adc.convertsTime()) {
                return "resistive division outputs a node voltage; a " + c.adc.id() + " converter digitises time "
                        + "intervals";
            }
            if (rOn * c.device.params().gMaxS >= 1) {
                return "the access on-resistance (" + rOn + " ohm) is not small against the device's 1/g_max";
            }
            return null;
        }

        int nodes(TileContext c) {
            return c.mapping.devicesPerSlice();
        }

        /** Settling time to half an LSB of the node RC, s. */
        double settleS(TileContext c, Design d) {
            double cNode = TileCosts.columnLineCapF(c) + cExtra;
            double g = (d.lambda + (d.gated ? d.lambda : d.rows * (d.b + 1))) * d.cell.deviceErrors.levelStepS;
            return cNode / g * Math.log(Math.scalb(2.0, c.spec.adc().bits()));
        }

        @Override
        public void cost(TileContext c, int rows, int weightCols, TileCost out) {
            Design d = new Design(c, this);
            energy(c, d, rows, weightCols, out);
            out.latencyS = c.cycles() * (settleS(c, d) + TileCosts.conversionLatencyS(c));
            out.areaArrayM2 = TileCosts.arrayAreaM2(c);
            out.areaDacM2 = TileCosts.dacAreaM2(c);
            out.areaSenseM2 = 0;
            TileCosts.converterArea(c, nodes(c), out);
        }

        @Override
        public double energyJ(TileContext c, int rows, int weightCols, TileCost scratch) {
            energy(c, new Design(c, this), rows, weightCols, scratch);
            return scratch.energyJ();
        }

        /**
         * Static divider power per node over the settling time: gated, V_r^2 S G_L / (S + G_L) at the mean S;
         * amplitude, sum_i G'_i V_i^2 - D V^2 (the power of a Millman node) at the means.
         */
        private void energy(TileContext c, Design d, int rows, int weightCols, TileCost out) {
            out.clear();
            double vr = c.device.params().readVoltageV;
            double dG = d.cell.deviceErrors.levelStepS;
            double scale = (double) rows / d.rows;
            double meanLevel = Readouts.meanLevel(c);
            double sMean = scale * (d.gated ? d.rows * d.in.eu() : d.rows) * (d.b + meanLevel);
            double power;
            if (d.gated) {
                power = vr * vr * dG * sMean * d.lambda / (sMean + d.lambda);
            } else {
                double[] u = new double[2];
                TileCosts.relativeInput(c, u);
                double v = u[0] * sMean / (sMean + d.lambda);
                power = vr * vr * dG * (sMean * u[1] - (sMean + d.lambda) * v * v);
            }
            int physCols = TileCosts.physicalColumns(c, weightCols);
            out.energyArrayJ = c.cycles() * physCols * Math.max(power, 0) * settleS(c, d);
            double[] u = new double[2];
            TileCosts.relativeInput(c, u);
            out.energyDacJ = c.cycles() * (double) rows * (TileCosts.rowLineCapF(c) * vr * vr * u[0]
                    + c.dac.coreEnergyJ(c.inputBits(), vr, c.tech));
            TileCosts.converterEnergy(c, weightCols, nodes(c), out);
        }

        @Override
        public void errors(TileContext c, ErrorBudget out) {
            Design d = new Design(c, this);
            TileContext cc = d.cell;
            int rows = d.rows;
            out.signalPower(ColumnSumErrors.signalPower(c.operands, c.deviceErrors, rows));
            ColumnSumErrors.addDeviceTerms(cc, rows, out);
            out.add(ErrorSource.DAC_NONLINEARITY, InputErrors.amplitudeDacVariance(cc, rows));
            out.add(ErrorSource.TRANSISTOR_MISMATCH, onResistanceVariance(c, d));
            // compression of the linear read-out: per node the curvature error e(s) = linear(v(s)) - s over the
            // exact distribution of s; its variance per conversion, its covariance between the cycles of one input
            // vector, and its mean, which adds coherently over cycles, slices and nodes. The covariance between
            // different nodes (shared inputs) is neglected: the Monte-Carlo check puts the result within 4 %.
            double compVar = 0;
            double compMean = 0;
            for (int s = 0; s < c.mapping.slices(); s++) {
                for (int dev = 0; dev < nodes(c); dev++) {
                    double w = c.mapping.sliceWeight(s) * (dev == 0 ? 1 : -1);
                    if (d.gated && !invert) {
                        double mu = d.meanS(s, dev);
                        double sd = d.sdS(s, dev);
                        java.util.function.DoubleUnaryOperator e = x -> d.linear(d.ratio(x), mu) - x;
                        double m1;
                        double m2;
                        double[][] dist = DiscreteConversion.distribution(d.in, d.levels[s][dev], d.b, rows);
                        if (dist != null) {
                            m1 = 0;
                            m2 = 0;
                            for (int k = 0; k < dist[0].length; k++) {
                                double ek = e.applyAsDouble(dist[0][k]);
                                m1 += dist[1][k] * ek;
                                m2 += dist[1][k] * ek * ek;
                            }
                        } else {
                            m1 = Gaussians.expectation(e, mu, sd);
                            m2 = Gaussians.expectation(x -> e.applyAsDouble(x) * e.applyAsDouble(x), mu, sd);
                        }
                        compVar += w * w * d.in.cycleSumSq() * (m2 - m1 * m1);
                        compMean += w * d.in.cycleSum() * m1;
                        // two cycles of one input vector share the column and the rows whose input is not zero:
                        // s_k = A + B, s_l = A + B' with A the rows on in both (bits both 1 w.p. alpha / 2)
                        Readouts.Digit l = d.shifted(s, dev);
                        double half = d.in.pOn() / 2;
                        double muA = rows * half * l.mean();
                        double sdA = Math.sqrt(rows * (half * l.sq() - half * half * l.mean() * l.mean()));
                        Readouts.Inputs halfIn = new Readouts.Inputs(half, half, 1, half, 1, 1, half, half);
                        double[][] da = DiscreteConversion.distribution(halfIn, d.levels[s][dev], d.b, rows);
                        double cov;
                        if (da != null && (long) da[0].length * da[0].length <= 4_000_000L) {
                            double acc = 0;
                            for (int i = 0; i < da[0].length; i++) {
                                double g = 0;
                                for (int j = 0; j < da[0].length; j++) {
                                    g += da[1][j] * e.applyAsDouble(da[0][i] + da[0][j]);
                                }
                                acc += da[1][i] * g * g;
                            }
                            cov = acc - m1 * m1;
                        } else {
                            cov = Gaussians.expectation(aa -> {
                                double g = Gaussians.expectation(bb -> e.applyAsDouble(aa + bb), muA, sdA);
                                return g * g;
                            }, muA, sdA) - m1 * m1;
                        }
                        compVar += w * w * (d.in.cycleSum() * d.in.cycleSum() - d.in.cycleSumSq()) * cov;
                    }
                    if (!d.gated && !c.calibrated()) {
                        Readouts.Digit l = d.shifted(s, dev);
                        double ey = rows * d.in.ex() * l.mean();
                        out.add(ErrorSource.COMPRESSION, w * w * denominatorVariance(c, d, s, dev)
                                * (Readouts.wholeVariance(d.in, l, rows) + ey * ey));
                    }
                }
            }
            out.add(ErrorSource.COMPRESSION, Math.max(compVar + compMean * compMean, 0));
            double analog = Readouts.analogSigma(cc, out, nodes(c));
            Readouts.Range r = new Readouts.Range();
            Readouts.ConverterSum sum = new Readouts.ConverterSum();
            for (int s = 0; s < c.mapping.slices(); s++) {
                for (int dev = 0; dev < nodes(c); dev++) {
                    double w = c.mapping.sliceWeight(s) * (dev == 0 ? 1 : -1);
                    range(c, d, s, dev, r);
                    if (d.gated) {
                        Readouts.addNonlinearConverter(cc, d.in, d.levels[s][dev], d.b, rows, d::ratio,
                                x -> (x + d.lambda) * (x + d.lambda) / d.lambda, d::invert, w, analog, r, sum);
                    } else {
                        Readouts.addConverterTerms(cc, d.in, d.shifted(s, dev), rows, w, analog, r, sum);
                    }
                }
            }
            sum.flush(out);
        }

        /**
         * Relative error of an amplitude node's denominator sum_i G'_i + G_L against its nominal value, from
         * the devices' programming and drift errors and the on-resistance mismatch: E[eps^2] with
         * eps = sum_i dG'_i / D, the rows independent.
         */
        double denominatorVariance(TileContext c, Design d, int s, int dev) {
            double[] p = Readouts.levelPmf(c.mapping, c.operands)[s][dev];
            double dG = d.cell.deviceErrors.levelStepS;
            double gMin = d.access.params().gMinS;
            var ni = c.spec.nonideal();
            var mo = new org.aimc.sim.device.DeviceMoments();
            double mean = 0;
            double sq = 0;
            double sigma = rOnSigma * c.mismatchKnob();
            for (int l = 0; l < p.length; l++) {
                if (p[l] == 0) {
                    continue;
                }
                double g = gMin + l * dG;
                d.access.moments(g, c.spec.operating().timeS(), ni.programmingNoise(), 0, ni.drift(), mo.clear());
                double shift = (mo.programmingMean + mo.driftMean) / dG;
                double k = g * g * rOn / dG * sigma;
                mean += p[l] * shift;
                sq += p[l] * ((mo.programmingVar + mo.driftVar) / (dG * dG) + k * k + shift * shift);
            }
            double denom = d.rows * (d.b + Readouts.meanLevel(c)) + d.lambda;
            double m = d.rows;
            return (m * (sq - mean * mean) + m * m * mean * mean) / (denom * denom);
        }

        /** The converter range of a node (native units: v for gated nodes, s for amplitude nodes). */
        void range(TileContext c, Design d, int s, int dev, Readouts.Range r) {
            double mu = d.meanS(s, dev);
            double sd = d.sdS(s, dev);
            Readouts.Digit l = d.shifted(s, dev);
            double sMax = d.rows * d.in.uMax() * Math.max(l.max(), 0);
            if (!d.gated) {
                Readouts.unipolarRange(c, mu, sd, sMax, r);
                return;
            }
            Readouts.dividerRange(c, d::ratio, mu, sd, sMax, r);
        }

        /**
         * On-resistance mismatch: dG' = -G'^2 R_on delta per cell, static, in units of ΔG': an error
         * sum_i x_i sum_s 2^(b s) sum_d ±dG'_isd with variance M E[x^2] sigma^2 sum_s 4^(b s) sum_d E[G'^4]
         * R_on^2 / ΔG'^2 over each device's level distribution.
         */
        double onResistanceVariance(TileContext c, Design d) {
            double sigma = rOnSigma * c.mismatchKnob();
            if (sigma == 0 || rOn == 0) {
                return 0;
            }
            double dG = d.cell.deviceErrors.levelStepS;
            double gMin = d.access.params().gMinS;
            double[][][] pmf = Readouts.levelPmf(c.mapping, c.operands);
            double v = 0;
            for (int s = 0; s < c.mapping.slices(); s++) {
                double w2 = c.mapping.sliceWeight(s) * c.mapping.sliceWeight(s);
                for (double[] p : pmf[s]) {
                    for (int l = 0; l < p.length; l++) {
                        double g = gMin + l * dG;
                        double k = g * g * rOn / dG;
                        v += w2 * p[l] * k * k;
                    }
                }
            }
            return d.rows * c.operands.ex2() * sigma * sigma * v;
        }

        @Override
        public TileBehaviour behaviour(TileContext c, int[][] weights, ChipKey key) {
            Design d = new Design(c, this);
            return new Tile(c, d, ProgrammedArray.program(d.cell, d.access, weights, key), key, this);
        }
    }

    /**
     * Tier B: one node per device; a_i = G'_i / ΔG' with G' = 1 / (1/g + R_on (1 + delta_i)) (g the
     * programmed device conductance, delta the on-resistance mismatch drawn per chip); read noise in cell
     * units. Gated nodes form v = s / (s + lambda) and invert it (or read it linearly); amplitude nodes carry
     * their static gain D_nominal / D_actual (calibrated) and present s.
     */
    static final class Tile extends TileBehaviour {
        private final Design d;
        private final boolean invert;
        private final double[] s0;

        Tile(TileContext c, Design d, ProgrammedArray arr, ChipKey key, Model m) {
            super(d.cell, arr, arr.devices, key);
            this.d = d;
            this.invert = m.invert;
            nativeIsZ = false;
            double dG = arr.levelStepS;
            double sigma = m.rOnSigma * c.mismatchKnob();
            int tileRows = d.rows;
            s0 = new double[channels];
            for (int j = 0; j < cols; j++) {
                for (int s = 0; s < slices; s++) {
                    for (int dev = 0; dev < arr.devices; dev++) {
                        int ch = channel(j, s, dev);
                        double nominal = (tileRows - rows) * d.b;
                        double actual = nominal;
                        for (int i = 0; i < rows; i++) {
                            int idx = arr.index(i, j, s, dev);
                            double gCell = arr.conductanceS(idx);
                            double g = d.access.device(gCell);
                            double delta = sigma == 0 ? 0 : sigma * mismatchZ.sample();
                            double gPrime = 1 / (1 / g + m.rOn * (1 + delta));
                            // the level-grid base b is added through sum u (exact in single precision)
                            contrib[i][ch] = gPrime / dG - d.b;
                            actual += gPrime / dG;
                            nominal += d.b + arr.level(idx);
                        }
                        if (!d.gated) {
                            analogGain[ch] = (nominal + d.lambda) / (actual + d.lambda);
                        }
                        s0[ch] = d.meanS(s, dev);
                    }
                }
            }
            readVariance((i, ch, idx) -> 1);
            linearTransfer = !d.gated;
            Readouts.Range r = new Readouts.Range();
            for (int s = 0; s < slices; s++) {
                for (int dev = 0; dev < arr.devices; dev++) {
                    m.range(c, d, s, dev, r);
                    setRange(s, dev, r);
                }
            }
            finish();
        }

        @Override
        protected double transfer(int ch, double s) {
            return d.gated ? d.ratio(s) : s * analogGain[ch];
        }

        /** Each connected cell's base G'_min / ΔG' of the level grid. */
        @Override
        protected double rowBase() {
            return d.b;
        }

        /**
         * Gated nodes: v = s / (s + lambda), with read noise small against s carried by the slope
         * lambda / (s + lambda)^2 (as {@link #nonlinearValue}, one division per node).
         */
        @Override
        protected void nonlinearValues(double[] sums, double[] pre, double[] after, double[] out) {
            double lambda = d.lambda;
            double small = SMALL_NOISE * SMALL_NOISE;
            for (int ch = 0; ch < channels; ch++) {
                double s = sums[ch];
                double p = pre[ch];
                if (p > 0 && p >= small * s * s) {
                    out[ch] = nonlinearValue(ch, s, p, after[ch]);
                    continue;
                }
                // one division per node: r = 1 / (s + lambda), v = s r, 1 - v = lambda r, slope = lambda r^2
                double r = 1 / (s + lambda);
                double w = lambda * r;
                double v = s * r;
                double slope = w * r;
                double var = slope * slope * p + after[ch];
                out[ch] = var > 0 ? v + Math.sqrt(var) * circuitZ.sample() : v;
            }
        }

        /** dv/ds = lambda / (s + lambda)^2 = (1 - v)^2 / lambda for v = s / (s + lambda). */
        @Override
        protected double transferSlope(int ch, double s, double v) {
            return d.gated ? (1 - v) * (1 - v) / d.lambda : analogGain[ch];
        }

        Design design() {
            return d;
        }

        ProgrammedArray array() {
            return arr;
        }

        /**
         * The node voltage relative to V_r of channel {@code ch} for per-row inputs {@code u} (bits, or codes of
         * amplitude inputs), noise-free: Millman's ratio of the cell conductances.
         */
        double nodeVoltage(int ch, double[] u) {
            double s = 0;
            double all = 0;
            for (int i = 0; i < rows; i++) {
                s += u[i] * (contrib[i][ch] + d.b);
                all += contrib[i][ch] + d.b;
            }
            if (d.gated) {
                return d.ratio(s);
            }
            return s / xMax / (all + (d.rows - rows) * d.b + d.lambda);
        }

        @Override
        protected double toZ(int ch, double v) {
            double s;
            if (!d.gated) {
                s = v;
            } else if (invert) {
                s = d.invert(Math.min(v, 1 - 1e-15));
            } else {
                s = d.linear(v, s0[ch]);
            }
            return s;
        }

        @Override
        protected double sumOffset() {
            return d.b;
        }
    }
}
