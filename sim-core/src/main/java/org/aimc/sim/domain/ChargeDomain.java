package org.aimc.sim.domain;

import java.util.List;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.numerics.Gaussians;
import org.aimc.sim.peripheral.CcoAdc;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Charge domain (physics.md §2.2): fixed-amplitude pulses of width u · T_LSB (pulse-width inputs, or one
 * T_LSB pulse per input bit for bit-serial inputs) let each cell pass G V_r for its pulse; the column
 * charge Q = V_r T_LSB sum_i G_i u_i is integrated on C_int and converted. Uses the device as a
 * conductance; the amplitude is fixed, so the multiply is linear in u whatever the device's I–V curve.
 * A differential pair is subtracted as currents into one integrator.
 *
 * <p>C_int is sized by design to hold {@code headroom_sigma} standard deviations of the column charge (plus
 * its mean) within the integrator swing ±{@code v_swing_v}, for the largest slice. Errors: device
 * programming, drift and read noise (one read integrated per evaluation); first-order IR drop; pulse-edge
 * asymmetry and per-row mismatch (static) and edge jitter (two edges per pulse, fresh); reset kT/C noise
 * on C_int, sqrt(k T / C_int) per integration; C_int mismatch (Pelgrom, A_C / sqrt(C)) as a per-column
 * gain, removed by the per-column calibration; integrator saturation (clipping at ±swing); the converter.
 * Amplitude-encoded inputs are infeasible: they make the readout a current-domain one.
 *
 * <p>Energy per evaluation: cell current V_r^2 G T_LSB u, the row lines (C_WL V_r^2 per pulse) and the
 * pulse generators, each integrator's net charge drawn from V_DD (the rms column charge times V_DD) and its
 * bias over the window (none with a CCO converter, which integrates the column current itself), the converters
 * and shift-add. Latency: cycles x (window + conversions), the window (2^B - 1) T_LSB for pulse widths.
 * With {@code read_phases} p (HERMES's one- and four-phase modes) every term and the latency are p times
 * those of one phase.
 */
public final class ChargeDomain implements DomainKind {
    static final List<ParamDef> PARAMS = List.of(
            ParamDef.withDefault("t_lsb_s", 1e-12, 1e-6, 1e-9,
                    "physics.md §2.2: 8-bit PWM at ~1 ns LSB (~256 ns window) [T]",
                    "pulse width of one input LSB (and of one bit-serial pulse), s"),
            ParamDef.withDefault("v_swing_v", 0.01, 5, 0.3,
                    "typical: ±0.3 V integrator output swing around mid-rail at 0.8 V supply [T]",
                    "integrator output swing (each side of the reset level), V"),
            ParamDef.withDefault("headroom_sigma", 0.5, 100, 6,
                    "design rule (assumption): the swing holds the column's mean plus 6 standard deviations",
                    "standard deviations of the column charge C_int is sized to hold"),
            SwitchedCapacitors.CAP_MISMATCH,
            ParamDef.withDefault("integrator_bias_a", 0, 1e-2, 2e-6,
                    "typical: a few uA per column integrator amplifier [T]",
                    "bias current of one integrator amplifier, A"),
            ParamDef.withDefault("integrator_gates", 0, 1e5, 60,
                    "typical: an integrator amplifier with reset switches ~60 NAND2-equivalent areas [T]",
                    "area of one integrator (without C_int) in NAND2 equivalents"),
            ParamDef.withDefault("read_phases", 1, 4, 1,
                    "IBM HERMES one-phase (low precision) and four-phase (high precision) read modes (physics.md "
                            + "§2.2, ref. 11: 9.76 vs 2.48 TOPS/W, 63.1 vs 16.1 TOPS); 1 = one phase",
                    "sequential read phases per MVM (1, 2 or 4): each a full integration window and conversion, "
                            + "summed digitally; costs only (the error budget is that of one phase)"));

    @Override
    public String id() {
        return "charge";
    }

    @Override
    public String description() {
        return "Ohm's law + current integration on C_int; pulse-width (or bit-serial pulse) inputs";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public DomainModel create(ParamValues p) {
        double phases = p.get("read_phases");
        if (phases != 1 && phases != 2 && phases != 4) {
            throw new IllegalArgumentException("read_phases must be 1, 2 or 4, got " + phases);
        }
        return new Model(p.get("t_lsb_s"), p.get("v_swing_v"), p.get("headroom_sigma"),
                p.get("cap_mismatch_pct_sqrt_ff") / 100, p.get("integrator_bias_a"), p.get("integrator_gates"),
                (int) phases);
    }

    static final class Model implements DomainModel {
        private final double tLsb;
        private final double vSwing;
        private final double headroom;
        private final double aC;
        private final double bias;
        private final double gates;
        private final int phases;

        Model(double tLsb, double vSwing, double headroom, double aC, double bias, double gates, int phases) {
            this.phases = phases;
            this.tLsb = tLsb;
            this.vSwing = vSwing;
            this.headroom = headroom;
            this.aC = aC;
            this.bias = bias;
            this.gates = gates;
        }

        @Override
        public String infeasibility(TileContext c) {
            String mux = TileCosts.noWeightMultiplexing(c, "the charge domain",
                    "models one conducting cell per stored weight (its integrated currents and cell area)");
            if (mux != null) {
                return mux;
            }
            if (c.encoding() == Encoding.AMPLITUDE) {
                return "charge domain encodes inputs as pulse widths at a fixed amplitude; amplitude-encoded inputs "
                        + "make it a current-domain readout";
            }
            if (c.adc.convertsTime()) {
                return "charge domain outputs a voltage on C_int; a " + c.adc.id() + " converter digitises time "
                        + "intervals";
            }
            return null;
        }

        /** Charge per unit of Z, C: V_r ΔG T_LSB. */
        /**
         * True when the converter integrates the column current itself: a current-controlled oscillator fed by
         * the column counts over the window (IBM HERMES-Core's column CCOs, physics.md §2.2, §5.4, ref. 10), so
         * there is no integrator amplifier nor C_int to build or charge (costs only; the error budget keeps the
         * integrator's terms as the model of the CCO's charge window).
         */
        static boolean integratesInConverter(TileContext c) {
            return c.adc instanceof CcoAdc;
        }

        double unitChargeC(TileContext c) {
            return c.device.params().readVoltageV * c.deviceErrors.levelStepS * tLsb;
        }

        /** Saturation level in units of Z: the largest slice's |mean| + headroom x standard deviation. */
        double saturationZ(TileContext c) {
            int rows = c.spec.array().rows();
            Readouts.Inputs in = Readouts.inputs(c);
            double z = 0;
            for (int s = 0; s < c.mapping.slices(); s++) {
                Readouts.Digit d = Readouts.difference(c, s);
                z = Math.max(z, Math.abs(Readouts.mean(in, d, rows))
                        + headroom * Math.sqrt(Readouts.variance(in, d, rows)));
            }
            return Math.max(z, 1);
        }

        /** Integration capacitor, F. */
        double cIntF(TileContext c) {
            return unitChargeC(c) * saturationZ(c) / vSwing;
        }

        /** Reset kT/C noise of C_int in units of Z. */
        double ktcSigma(TileContext c) {
            return Math.sqrt(c.tech.kT() * cIntF(c)) / unitChargeC(c) * c.noiseKnob();
        }

        /** Relative C_int mismatch (Pelgrom). */
        double capSigma(TileContext c) {
            return aC / Math.sqrt(cIntF(c) / 1e-15) * c.mismatchKnob();
        }

        /** Integration window of one evaluation, s. */
        double windowS(TileContext c) {
            return c.serial() ? tLsb : (Math.scalb(1.0, c.inputBits()) - 1) * tLsb;
        }

        @Override
        public void cost(TileContext c, int rows, int weightCols, TileCost out) {
            energy(c, rows, weightCols, out);
            out.latencyS = phases * c.cycles() * (windowS(c) + TileCosts.conversionLatencyS(c));
            out.areaArrayM2 = TileCosts.arrayAreaM2(c);
            out.areaDacM2 = TileCosts.dacAreaM2(c);
            int integrators = integratesInConverter(c) ? 0 : c.weightColumns() * c.mapping.slices();
            out.areaSenseM2 = integrators * (cIntF(c) / Technology.MOM_CAP_F_PER_M2 + c.tech.gatesArea(gates));
            TileCosts.converterArea(c, 1, out);
        }

        @Override
        public double energyJ(TileContext c, int rows, int weightCols, TileCost scratch) {
            energy(c, rows, weightCols, scratch);
            return scratch.energyJ();
        }

        private void energy(TileContext c, int rows, int weightCols, TileCost out) {
            out.clear();
            Technology tech = c.tech;
            double vr = c.device.params().readVoltageV;
            int cycles = phases * c.cycles();
            Readouts.Inputs in = Readouts.inputs(c);
            int physCols = TileCosts.physicalColumns(c, weightCols);
            out.energyArrayJ = cycles * (double) rows * physCols * c.deviceErrors.meanConductanceS * vr * vr * tLsb
                    * in.eu();
            out.energyDacJ = cycles * (double) rows * (TileCosts.rowLineCapF(c) * vr * vr * in.pOn()
                    + c.dac.coreEnergyJ(c.inputBits(), vr, tech));
            // the integrator's output stage supplies the net column charge from V_DD: per slice
            // V_DD V_r ΔG T_LSB sqrt(E[Z^2]) (rms of the slice's row sum over the active rows, >= E|Z|)
            Readouts.Inputs zin = Readouts.inputs(c);
            double rmsZ = 0;
            for (int s = 0; s < c.mapping.slices(); s++) {
                Readouts.Digit d = Readouts.difference(c, s);
                double mu = Readouts.mean(zin, d, rows);
                rmsZ += Math.sqrt(mu * mu + Readouts.variance(zin, d, rows));
            }
            double charge = unitChargeC(c) * rmsZ * tech.vddV();
            out.energySenseJ = integratesInConverter(c) ? 0 : cycles * (double) weightCols * (charge
                    + c.mapping.slices() * bias * tech.vddV() * windowS(c));
            TileCosts.converterEnergy(c, weightCols, 1, out);
            out.energyAdcJ *= phases;
            out.energyDigitalJ *= phases;
        }

        @Override
        public void errors(TileContext c, ErrorBudget out) {
            int rows = c.spec.array().rows();
            out.signalPower(ColumnSumErrors.signalPower(c.operands, c.deviceErrors, rows));
            ColumnSumErrors.addDeviceTerms(c, rows, out);
            ColumnSumErrors.addIrDrop(c, rows, out);
            double edge = InputErrors.pulseEdgeVariance(c, rows, tLsb);
            double jit = InputErrors.pulseJitterVariance(c, rows, tLsb);
            out.add(ErrorSource.PULSE_EDGE, edge);
            out.add(ErrorSource.JITTER, jit);
            Readouts.Inputs in = Readouts.inputs(c);
            double ktc = ktcSigma(c);
            double cap = c.calibrated() ? 0 : capSigma(c);
            double zSat = saturationZ(c);
            double ktcVar = 0;
            double capVar = 0;
            double satVar = 0;
            for (int s = 0; s < c.mapping.slices(); s++) {
                double w2 = c.mapping.sliceWeight(s) * c.mapping.sliceWeight(s);
                Readouts.Digit d = Readouts.difference(c, s);
                ktcVar += w2 * in.cycleSumSq() * ktc * ktc;
                double ey = rows * in.ex() * d.mean();
                capVar += w2 * cap * cap * (Readouts.wholeVariance(in, d, rows) + ey * ey);
                double mu = Readouts.mean(in, d, rows);
                double sd = Math.sqrt(Readouts.variance(in, d, rows));
                if (sd > 0) {
                    satVar += w2 * in.cycleSumSq() * sd * sd
                            * (Gaussians.tailMse((zSat - mu) / sd) + Gaussians.tailMse((zSat + mu) / sd));
                }
            }
            out.add(ErrorSource.KTC, ktcVar);
            out.add(ErrorSource.CAPACITOR_MISMATCH, capVar);
            out.add(ErrorSource.SATURATION, satVar);
            Readouts.addSliceConverters(c, rows, out);
        }

        @Override
        public TileBehaviour behaviour(TileContext c, int[][] weights, ChipKey key) {
            return new Tile(c, ProgrammedArray.program(c, c.device, weights, key), key, this);
        }
    }

    /**
     * Tier B: contributions as the current domain (IR drop included); pulse widths with the driver's static
     * edge error and fresh edge jitter; per channel the C_int gain 1 + eps (eps drawn per chip), kT/C noise,
     * clipping at the saturation level.
     */
    static final class Tile extends TileBehaviour {
        private final double zSat;

        Tile(TileContext c, ProgrammedArray arr, ChipKey key, Model m) {
            super(c, arr, 1, key);
            double r = c.spec.nonideal().irDrop().equals("none") ? 0 : c.spec.array().wireOhm();
            LinearColumns.fill(this, arr, r);
            readVariance((i, ch, idx) -> 1);
            LinearColumns.ranges(this);
            double ktc = m.ktcSigma(c);
            java.util.Arrays.fill(postVariance, ktc * ktc);
            linearTransfer = false;
            zSat = m.saturationZ(c);
            pulseLsbS = m.tLsb;
            double cap = m.capSigma(c);
            for (int ch = 0; ch < channels; ch++) {
                analogGain[ch] = 1 + (cap == 0 ? 0 : cap * mismatchZ.sample());
            }
            finish();
        }

        /** The integrator: gain 1 + eps of C_int, clipping at the swing (kT/C is added after it). */
        @Override
        protected double transfer(int ch, double x) {
            return Math.max(-zSat, Math.min(zSat, x * analogGain[ch]));
        }
    }
}
