package org.aimc.sim.domain;

import java.util.List;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Time domain (physics.md §2.6), read by a time-to-digital converter. Two variants ({@code current_to_time}):
 * <ul>
 *   <li>0, delay chains (default): an edge runs through one delay stage per row; the device acts as the
 *       current source that sets its stage's extra delay, tau_i = tau_0 + d_tau u_i n_i (n the device's
 *       normalised state, so the extra delay is linear in the stored level; u the input bit, or the input
 *       code of a pulse-width input). The chain delay is N tau_0 + d_tau Z. A differential pair races its
 *       two chains and the TDC measures the difference (tau_0 cancels); an offset mapping's chain is timed
 *       from the start edge, so the TDC range starts at zero and the offset N tau_0 eats range.
 *       Errors: device programming, drift and read noise; stage jitter accumulating as sigma_j sqrt(N) per
 *       chain (fresh per evaluation); static stage mismatch per chip of d_tau (data dependent) and of tau_0
 *       (a per-chain offset the calibration removes); pulse-edge errors of pulse-width inputs; the TDC.</li>
 *   <li>1, current to time: the column current I = V_r sum_i G_i u_i charges C_cross to V_th,
 *       t = C_cross V_th / I — a reciprocal mapping; the digital side inverts it, so TDC errors reach the
 *       sum through ds/dt = -s^2 / K. Each device is its own node. Amplitude or bit-serial inputs (the
 *       device as a conductance); errors as the current domain's device terms plus the TDC.</li>
 * </ul>
 * Energy: every stage of every chain switches C_stage V_DD^2 per evaluation (current to time: C_cross V_th
 * V_DD per node), plus the row drivers and the TDC. No voltage ADC: the converter must digitise time.
 */
public final class TimeDomain implements DomainKind {
    static final List<ParamDef> PARAMS = List.of(
            ParamDef.withDefault("tau0_s", 1e-13, 1e-7, 20e-12,
                    "typical: a current-starved inverter pair ~20 ps at 22 nm [T]",
                    "intrinsic delay of one stage, s"),
            ParamDef.withDefault("dtau_s", 1e-13, 1e-6, 0.11e-9,
                    "time-domain SRAM CIM macro, IEEE TVLSI 2025: 0.11 ns minimum delay step (physics.md §2.6, ref. 23)",
                    "extra stage delay per unit of input x stored level, s"),
            ParamDef.withDefault("jitter_s", 0, 1e-9, 0.3e-12,
                    "typical: ~0.1-0.5 ps rms random jitter per inverter-based stage [T]",
                    "rms jitter of one stage, s"),
            ParamDef.withDefault("tau0_mismatch_rel", 0, 1, 0.03,
                    "typical: ~3 % delay mismatch of minimum-size stages (Pelgrom on the starving devices) [T]",
                    "relative mismatch of the intrinsic stage delay"),
            ParamDef.withDefault("dtau_mismatch_rel", 0, 1, 0.03,
                    "typical: ~3 % mismatch of the current-starved delay step [T]",
                    "relative mismatch of the delay step"),
            ParamDef.withDefault("c_stage_f", 1e-18, 1e-12, 1e-15,
                    "typical: ~1 fF switched per delay stage at 22 nm [T]",
                    "capacitance switched by one stage, F"),
            ParamDef.withDefault("t_lsb_s", 1e-12, 1e-6, 1e-9,
                    "as the charge domain: ~1 ns input LSB for pulse-width inputs (physics.md §2.2) [T]",
                    "pulse width of one input LSB for pulse-width inputs, s"),
            ParamDef.withDefault("current_to_time", 0, 1, 0,
                    "variant switch (physics.md §2.6): 0 = delay chains (Sayal et al. JSSC 2020), 1 = current "
                            + "to time (Bavandpour / Strukov, ref. 22)",
                    "1: the column current charges a capacitor to a threshold (reciprocal mapping)"),
            ParamDef.withDefault("c_cross_f", 1e-16, 1e-9, 50e-15,
                    "typical: ~50 fF integration node of a current-to-time neuron [T]",
                    "current to time: capacitance charged to the threshold, F"),
            ParamDef.withDefault("v_threshold_v", 0.01, 5, 0.4,
                    "typical: threshold of about V_DD / 2 [T]",
                    "current to time: threshold voltage, V"));

    @Override
    public String id() {
        return "time";
    }

    @Override
    public String description() {
        return "delay accumulation along chains (or current to time), read by a TDC";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public DomainModel create(ParamValues p) {
        double v = p.get("current_to_time");
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException("current_to_time must be 0 or 1, got " + v);
        }
        return new Model(p.get("tau0_s"), p.get("dtau_s"), p.get("jitter_s"), p.get("tau0_mismatch_rel"),
                p.get("dtau_mismatch_rel"), p.get("c_stage_f"), p.get("t_lsb_s"), v == 1, p.get("c_cross_f"),
                p.get("v_threshold_v"));
    }

    static final class Model implements DomainModel {
        final double tau0;
        final double dtau;
        final double jitter;
        final double tau0Mis;
        final double dtauMis;
        final double cStage;
        final double tLsb;
        final boolean c2t;
        final double cCross;
        final double vTh;

        Model(double tau0, double dtau, double jitter, double tau0Mis, double dtauMis, double cStage, double tLsb,
                boolean c2t, double cCross, double vTh) {
            this.tau0 = tau0;
            this.dtau = dtau;
            this.jitter = jitter;
            this.tau0Mis = tau0Mis;
            this.dtauMis = dtauMis;
            this.cStage = cStage;
            this.tLsb = tLsb;
            this.c2t = c2t;
            this.cCross = cCross;
            this.vTh = vTh;
        }

        @Override
        public String infeasibility(TileContext c) {
            String mux = TileCosts.noWeightMultiplexing(c, "the time domain",
                    "chains one delay stage per stored weight");
            if (mux != null) {
                return mux;
            }
            if (!c.adc.convertsTime() && !c.adc.ideal()) {
                return "the time domain outputs a delay; it needs a time-to-digital converter (adc.kind: tdc), not "
                        + c.adc.id();
            }
            if (c2t) {
                return c.encoding() == Encoding.PULSE_WIDTH
                        ? "current to time integrates a static current to a threshold; pulse-width inputs do not set "
                                + "a current"
                        : null;
            }
            if (c.encoding() == Encoding.AMPLITUDE) {
                return "delay chains take inputs as bits or pulse widths that select stage delays; amplitude inputs "
                        + "need the current-to-time variant (domain.current_to_time: 1)";
            }
            return null;
        }

        /** Chains (nodes) per slice that the TDC compares: the pair races, an offset chain runs alone. */
        int nodes(TileContext c) {
            return c2t ? c.mapping.devicesPerSlice() : 1;
        }

        /** Jitter of one conversion in units of Z: sigma_j sqrt(N) per chain, the chains of a pair add. */
        double jitterSigma(TileContext c) {
            int n = c.spec.array().rows();
            return jitter * c.noiseKnob() * Math.sqrt((double) n * c.mapping.devicesPerSlice()) / dtau;
        }

        /** tau_0 / d_tau: the offset of one stage in units of Z. */
        double offsetPerStage() {
            return tau0 / dtau;
        }

        /** K / Z-unit of current to time: the crossing time is K / s, s. */
        double crossingK(TileContext c) {
            return cCross * vTh * Readouts.inputs(c).uMax()
                    / (c.device.params().readVoltageV * c.deviceErrors.levelStepS);
        }

        /** g_min / ΔG. */
        double base(TileContext c) {
            return c.device.params().gMinS / c.deviceErrors.levelStepS;
        }

        /** Node sum statistics of current to time: s = sum u (b + l). */
        Readouts.Digit nodeDigit(TileContext c, int s, int d) {
            return Readouts.levels(c)[s][d].shift(base(c));
        }

        /** Smallest positive node sum: one row on at the lowest level (b), or at level 1 when b is 0. */
        double floorS(TileContext c) {
            double b = base(c);
            return b > 0 ? b : 1;
        }

        /** Converter range of a chain (Z units) or a current-to-time node (native units: 1 / s). */
        void range(TileContext c, int s, int d, Readouts.Range r) {
            int rows = c.spec.array().rows();
            Readouts.Inputs in = Readouts.inputs(c);
            boolean sigma = c.spec.adc().fullScale().equals("sigma");
            double k = c.spec.adc().clipSigma();
            if (c2t) {
                Readouts.Digit l = nodeDigit(c, s, d);
                double mu = Readouts.mean(in, l, rows);
                double sd = Math.sqrt(Readouts.variance(in, l, rows));
                double sHi = sigma ? mu + k * sd : rows * in.uMax() * l.max();
                double sLo = sigma ? Math.max(mu - k * sd, floorS(c)) : floorS(c);
                r.codes = 1 << c.spec.adc().bits();
                r.integerExact = false;
                r.lo = 1 / Math.max(sHi, floorS(c));
                r.step = Math.max(1 / sLo - r.lo, Math.ulp(1.0)) / r.codes;
                return;
            }
            Readouts.Digit dd = Readouts.difference(c, s);
            double mu = Readouts.mean(in, dd, rows);
            double sd = Math.sqrt(Readouts.variance(in, dd, rows));
            if (c.mapping.differential()) {
                double zMin = rows * in.uMax() * Math.min(dd.min(), 0);
                double zMax = rows * in.uMax() * Math.max(dd.max(), 0);
                Readouts.linearRange(c, mu, sd, zMin, zMax, r);
                return;
            }
            // timed from the start edge: the range begins at zero delay, N tau_0 below Z = 0
            r.codes = 1 << c.spec.adc().bits();
            r.integerExact = false;
            r.lo = -rows * offsetPerStage();
            double hi = sigma ? mu + k * sd : rows * in.uMax() * Math.max(dd.max(), 0) + 0.5;
            r.step = (hi - r.lo) / r.codes;
        }

        @Override
        public void cost(TileContext c, int rows, int weightCols, TileCost out) {
            energy(c, rows, weightCols, out);
            Readouts.Inputs in = Readouts.inputs(c);
            double measure;
            if (c2t) {
                measure = crossingK(c) / floorS(c);
            } else {
                double zMax = 0;
                for (int s = 0; s < c.mapping.slices(); s++) {
                    zMax = Math.max(zMax, c.deviceErrors.digitMax[s]);
                }
                measure = c.spec.array().rows() * (tau0 + dtau * in.uMax() * zMax);
            }
            double pulse = c.encoding() == Encoding.PULSE_WIDTH ? (Math.scalb(1.0, c.inputBits()) - 1) * tLsb : 0;
            out.latencyS = c.cycles() * (pulse + measure + TileCosts.conversionLatencyS(c));
            out.areaArrayM2 = TileCosts.arrayAreaM2(c);
            out.areaDacM2 = TileCosts.dacAreaM2(c);
            out.areaSenseM2 = c2t ? c.spec.array().cols() * cCross / org.aimc.sim.cost.Technology.MOM_CAP_F_PER_M2 : 0;
            TileCosts.converterArea(c, nodes(c), out);
        }

        @Override
        public double energyJ(TileContext c, int rows, int weightCols, TileCost scratch) {
            energy(c, rows, weightCols, scratch);
            return scratch.energyJ();
        }

        private void energy(TileContext c, int rows, int weightCols, TileCost out) {
            out.clear();
            double vdd = c.tech.vddV();
            int physCols = TileCosts.physicalColumns(c, weightCols);
            double[] u = new double[2];
            TileCosts.relativeInput(c, u);
            if (c2t) {
                out.energyArrayJ = c.cycles() * (double) physCols * cCross * vTh * vdd;
            } else {
                out.energyArrayJ = c.cycles() * (double) physCols * rows * cStage * vdd * vdd;
            }
            double vr = c2t ? c.device.params().readVoltageV : vdd;
            out.energyDacJ = c.cycles() * (double) rows * (TileCosts.rowLineCapF(c) * vr * vr * u[0]
                    + c.dac.coreEnergyJ(c.inputBits(), vr, c.tech));
            TileCosts.converterEnergy(c, weightCols, nodes(c), out);
        }

        @Override
        public void errors(TileContext c, ErrorBudget out) {
            int rows = c.spec.array().rows();
            out.signalPower(ColumnSumErrors.signalPower(c.operands, c.deviceErrors, rows));
            ColumnSumErrors.addDeviceTerms(c, rows, out);
            out.add(ErrorSource.DAC_NONLINEARITY, InputErrors.amplitudeDacVariance(c, rows));
            Readouts.Inputs in = Readouts.inputs(c);
            Readouts.Range r = new Readouts.Range();
            if (c2t) {
                double floor = floorS(c);
                double analog = Readouts.analogSigma(c, out, c.mapping.devicesPerSlice());
                Readouts.Digit[][] lv = Readouts.levels(c);
                Readouts.ConverterSum sum = new Readouts.ConverterSum();
                for (int s = 0; s < c.mapping.slices(); s++) {
                    for (int d = 0; d < c.mapping.devicesPerSlice(); d++) {
                        range(c, s, d, r);
                        Readouts.addNonlinearConverter(c, in, lv[s][d], base(c), rows, x -> 1 / Math.max(x, floor),
                                x -> Math.max(x, floor) * Math.max(x, floor), v -> 1 / v,
                                c.mapping.sliceWeight(s) * (d == 0 ? 1 : -1), analog, r, sum);
                    }
                }
                sum.flush(out);
                return;
            }
            out.add(ErrorSource.PULSE_EDGE, InputErrors.pulseEdgeVariance(c, rows, tLsb));
            out.add(ErrorSource.JITTER, InputErrors.pulseJitterVariance(c, rows, tLsb));
            double jit = jitterSigma(c);
            double dMis = dtauMis * c.mismatchKnob();
            double oMis = c.calibrated() ? 0 : tau0Mis * c.mismatchKnob() * offsetPerStage();
            double jitVar = 0;
            double misVar = 0;
            for (int s = 0; s < c.mapping.slices(); s++) {
                double w2 = c.mapping.sliceWeight(s) * c.mapping.sliceWeight(s);
                Readouts.Digit d = Readouts.difference(c, s);
                jitVar += w2 * in.cycleSumSq() * jit * jit;
                misVar += w2 * (dMis * dMis * rows * c.operands.ex2() * d.sq()
                        + oMis * oMis * rows * c.mapping.devicesPerSlice() * in.cycleSum() * in.cycleSum());
            }
            out.add(ErrorSource.JITTER, jitVar);
            out.add(ErrorSource.DELAY_MISMATCH, misVar);
            double analog = Readouts.analogSigma(c, out, 1);
            Readouts.ConverterSum sum = new Readouts.ConverterSum();
            for (int s = 0; s < c.mapping.slices(); s++) {
                range(c, s, 0, r);
                Readouts.addConverterTerms(c, in, Readouts.difference(c, s), rows, c.mapping.sliceWeight(s), analog, r,
                        sum);
            }
            sum.flush(out);
        }

        @Override
        public TileBehaviour behaviour(TileContext c, int[][] weights, ChipKey key) {
            ProgrammedArray arr = ProgrammedArray.program(c, c.device, weights, key);
            return c2t ? new CrossingTile(c, arr, key, this) : new ChainTile(c, arr, key, this);
        }
    }

    /**
     * Tier B of delay chains: a_i = n+_i (1 + e+_i) - n-_i (1 + e-_i), e the d_tau mismatch per stage; the
     * chain offsets tau_0 / d_tau sum (1 + f_i) with f the tau_0 mismatch (the nominal part cancels in a race
     * and is subtracted for a chain timed from the start edge); jitter per conversion; pulse edges.
     */
    static final class ChainTile extends TileBehaviour {

        ChainTile(TileContext c, ProgrammedArray arr, ChipKey key, Model m) {
            super(c, arr, 1, key);
            double dMis = m.dtauMis * c.mismatchKnob();
            double oMis = m.tau0Mis * c.mismatchKnob();
            double per = m.offsetPerStage();
            int tileRows = c.spec.array().rows();
            for (int j = 0; j < cols; j++) {
                for (int s = 0; s < slices; s++) {
                    int ch = channel(j, s, 0);
                    double offset = 0;
                    for (int d = 0; d < arr.devices; d++) {
                        double sign = d == 0 ? 1 : -1;
                        for (int i = 0; i < tileRows; i++) {
                            double f = oMis == 0 ? 0 : oMis * mismatchZ.sample();
                            offset += sign * per * f;
                            if (i < rows) {
                                double e = dMis == 0 ? 0 : dMis * mismatchZ.sample();
                                contrib[i][ch] += sign * arr.state(arr.index(i, j, s, d)) * (1 + e);
                            }
                        }
                    }
                    analogOffset[ch] = offset;
                }
            }
            readVariance((i, ch, idx) -> 1);
            double jit = m.jitterSigma(c);
            java.util.Arrays.fill(postVariance, jit * jit);
            pulseLsbS = m.tLsb;
            Readouts.Range r = new Readouts.Range();
            for (int s = 0; s < slices; s++) {
                m.range(c, s, 0, r);
                setRange(s, 0, r);
            }
            finish();
        }

    }

    /**
     * Tier B of current to time: one node per device, s = sum u (b + n); the TDC sees 1 / s (in units of K)
     * and the digital side inverts it: Z = 1 / v - b sum u.
     */
    static final class CrossingTile extends TileBehaviour {
        private final double b;

        CrossingTile(TileContext c, ProgrammedArray arr, ChipKey key, Model m) {
            super(c, arr, arr.devices, key);
            this.b = m.base(c);
            nativeIsZ = false;
            for (int j = 0; j < cols; j++) {
                for (int s = 0; s < slices; s++) {
                    for (int d = 0; d < arr.devices; d++) {
                        int ch = channel(j, s, d);
                        for (int i = 0; i < rows; i++) {
                            contrib[i][ch] = arr.state(arr.index(i, j, s, d));
                        }
                    }
                }
            }
            readVariance((i, ch, idx) -> 1);
            linearTransfer = false;
            Readouts.Range r = new Readouts.Range();
            for (int s = 0; s < slices; s++) {
                for (int d = 0; d < arr.devices; d++) {
                    m.range(c, s, d, r);
                    setRange(s, d, r);
                }
            }
            finish();
        }

        @Override
        protected double transfer(int ch, double s) {
            return 1 / s;
        }

        /** d(1/s)/ds = -1/s^2 = -v^2. */
        @Override
        protected double transferSlope(int ch, double s, double v) {
            return -v * v;
        }

        /** 1 / v; a crossing that never came (no row on) reads as zero current, which the digital side knows. */
        @Override
        protected double toZ(int ch, double v) {
            return 1 / v;
        }

        @Override
        protected double sumOffset() {
            return b;
        }

        /** Each row's base g_min / ΔG. */
        @Override
        protected double rowBase() {
            return b;
        }

        @Override
        protected boolean silentWithoutInput() {
            return true;
        }
    }
}
