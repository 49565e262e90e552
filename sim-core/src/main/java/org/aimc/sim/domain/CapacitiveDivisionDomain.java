package org.aimc.sim.domain;

import java.util.List;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Capacitive division (physics.md §2.4): every row is asserted at once and each cell couples a voltage
 * step dV_i onto a floating read line through its capacitor; by charge conservation
 * dV_out = sum_i C_i dV_i / (sum_i C_i + C_p), with no separate share phase. The row step is V_DD per input
 * bit (bit-serial) or the DAC's level (amplitude inputs). Uses the memory cell as a switch that gates a
 * capacitor. Two variants ({@code capacitor_weights}):
 * <ul>
 *   <li>0 (C3SRAM-style 8T1C, default): a fixed coupling capacitor C_u per cell, gated by the stored bit
 *       (one bit per cell): the physics of {@link SwitchedCapacitors}, the pair converted as the difference
 *       of its two lines.</li>
 *   <li>1: the weights set the capacitance — the sensed level l of each cell selects C = C_u (c0 + l) in
 *       the cell (a capacitor DAC per cell, multi-level cells allowed), every row couples its step. The
 *       denominator sum_i C_i + C_p then depends on the stored weights: the digital side rescales each
 *       line by its nominal denominator (the digits are known), so only what the nominal does not know
 *       — capacitor mismatch and sensing errors — is left. The denominator's mismatch is formed by the same
 *       capacitors as the signal and partly cancels the numerator's; as in the fixed-capacitor variant, the
 *       per-column calibration corrects the readout (converter), not the array's own division. Each line of a
 *       differential pair has its own denominator and is converted on its own; c0 sum u is removed
 *       digitally.</li>
 * </ul>
 * Errors: sensing errors (programming, drift), capacitor mismatch (Pelgrom, per chip), reset kT/C of the
 * floating line sqrt(k T / (sum C + C_p)), parasitic dilution (gain corrected nominally; kT/C relative to
 * the signal grows), amplitude-DAC INL/DNL, the converter. Pulse-width inputs are infeasible.
 */
public final class CapacitiveDivisionDomain implements DomainKind {
    static final List<ParamDef> PARAMS = List.of(
            ParamDef.withDefault("c_unit_f", 1e-17, 1e-12, 1e-15,
                    "typical: ~1 fF MOM coupling capacitor of an 8T1C cell (physics.md §2.4, C3SRAM) [T]",
                    "unit coupling capacitor, F"),
            ParamDef.withDefault("c_parasitic_extra_f", 0, 1e-11, 10e-15,
                    "typical: converter input and reset-switch junctions ~10 fF on the floating line [T]",
                    "parasitic capacitance of the floating line beyond its wire, F"),
            SwitchedCapacitors.CAP_MISMATCH,
            ParamDef.withDefault("t_settle_s", 1e-12, 1e-6, 1e-9,
                    "typical: ~1 ns reset and coupling phases [T]",
                    "duration of the reset and coupling phases of one evaluation, s"),
            ParamDef.withDefault("capacitor_weights", 0, 1, 0,
                    "variant switch (physics.md §2.4): 0 = fixed caps gated by a stored bit (C3SRAM, the published "
                            + "macro), 1 = stored levels select the capacitance",
                    "1: the stored level sets each cell's capacitance (data-dependent denominator)"),
            ParamDef.withDefault("c_base_units", 0, 64, 1,
                    "assumption: a cell at level 0 keeps one unit capacitor, so every line loads all rows",
                    "capacitor_weights: capacitance of a cell at level 0, in unit capacitors"));

    @Override
    public String id() {
        return "capacitive-division";
    }

    @Override
    public String description() {
        return "cells couple input steps onto a floating line through capacitors: capacitive voltage divider";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public DomainModel create(ParamValues p) {
        double mode = p.get("capacitor_weights");
        if (mode != 0 && mode != 1) {
            throw new IllegalArgumentException("capacitor_weights must be 0 or 1, got " + mode);
        }
        return new Model(p.get("c_unit_f"), p.get("c_parasitic_extra_f"), p.get("cap_mismatch_pct_sqrt_ff") / 100,
                p.get("t_settle_s"), mode == 1, p.get("c_base_units"));
    }

    static final class Model implements DomainModel {
        private final double cUnit;
        private final double cExtra;
        private final double aC;
        private final double tSettle;
        private final boolean capWeights;
        private final double c0;

        Model(double cUnit, double cExtra, double aC, double tSettle, boolean capWeights, double c0) {
            this.cUnit = cUnit;
            this.cExtra = cExtra;
            this.aC = aC;
            this.tSettle = tSettle;
            this.capWeights = capWeights;
            this.c0 = c0;
        }

        @Override
        public String infeasibility(TileContext c) {
            if (c.encoding() == Encoding.PULSE_WIDTH) {
                return "capacitive division couples voltage steps; a pulse width carries no step amplitude";
            }
            if (c.adc.convertsTime()) {
                return "capacitive division outputs a voltage; a " + c.adc.id() + " converter digitises time "
                        + "intervals";
            }
            return capWeights ? null : SwitchedCapacitors.binaryCells(c, "capacitive division (fixed capacitors)");
        }

        /** Converted lines per slice. */
        int nodes(TileContext c) {
            return capWeights ? c.mapping.devicesPerSlice() : 1;
        }

        /** Mean cell capacitance in units of C_u. */
        double meanUnits(TileContext c) {
            return capWeights ? c0 + meanLevel(c) : meanLevel(c);
        }

        /** Nominal line capacitance, F: M C_u (c0 + E[l]) + C_p with weight capacitors, M C_u + C_p without. */
        double denominatorF(TileContext c) {
            if (!capWeights) {
                return SwitchedCapacitors.denominatorF(c, cUnit, cExtra);
            }
            return c.computeRows() * cUnit * (c0 + meanLevel(c)) + TileCosts.columnLineCapF(c) + cExtra;
        }

        @Override
        public void cost(TileContext c, int rows, int weightCols, TileCost out) {
            energy(c, rows, weightCols, out);
            out.latencyS = c.cycles() * (tSettle + TileCosts.conversionLatencyS(c));
            double units = capWeights ? c0 + c.mapping.levels() - 1 : 1;
            double capArea = units * cUnit / Technology.MOM_CAP_F_PER_M2;
            out.areaArrayM2 = TileCosts.sharedCapacitorArrayAreaM2(c, capArea);
            out.areaDacM2 = TileCosts.dacAreaM2(c);
            out.areaSenseM2 = 0;
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
            double[] u = new double[2];
            TileCosts.relativeInput(c, u);
            int physCols = TileCosts.physicalColumns(c, weightCols);
            // sum_i C_i dV_i^2 with dV_i = V_DD u_i / u_max on the coupled cells
            out.energyArrayJ = c.cycles() * (double) rows * physCols * meanUnits(c) * cUnit * vdd * vdd * u[1];
            // reset of each floating line to mid-rail
            double cp = denominatorF(c) - c.computeRows() * cUnit * (capWeights ? c0 + meanLevel(c) : 1);
            out.energySenseJ = c.cycles() * (double) physCols * cp * 0.25 * vdd * vdd;
            out.energyDacJ = c.cycles() * (double) rows * (TileCosts.rowLineCapF(c) * vdd * vdd * u[0]
                    + c.dac.coreEnergyJ(c.inputBits(), vdd, c.tech));
            out.energyArrayJ += TileCosts.muxSelectEnergyJ(c, rows);
            TileCosts.converterEnergy(c, weightCols, nodes(c), out);
        }

        @Override
        public void errors(TileContext c, ErrorBudget out) {
            int rows = c.computeRows();
            out.signalPower(ColumnSumErrors.signalPower(c.operands, c.deviceErrors, rows));
            double d = denominatorF(c);
            // capacitor weights: a sensing error changes the line's own denominator too
            SwitchedCapacitors.addFlipTerms(c, rows, out, capWeights ? new SwitchedCapacitors.Division(c0, d / cUnit)
                    : null);
            double sigma = SwitchedCapacitors.capSigma(c, aC, cUnit);
            Readouts.Inputs in = Readouts.inputs(c);
            double ktc = SwitchedCapacitors.ktcSigma(c, d, cUnit);
            Readouts.Range r = new Readouts.Range();
            int slices = c.mapping.slices();
            if (!capWeights) {
                out.add(ErrorSource.CAPACITOR_MISMATCH,
                        SwitchedCapacitors.mismatchVariance(c, rows, sigma, cUnit, d, 0));
                out.add(ErrorSource.DAC_NONLINEARITY, InputErrors.amplitudeDacVariance(c, rows));
                double ktcVar = 0;
                for (int s = 0; s < slices; s++) {
                    double w = c.mapping.sliceWeight(s);
                    ktcVar += w * w * in.cycleSumSq() * ktc * ktc * c.mapping.devicesPerSlice();
                }
                out.add(ErrorSource.KTC, ktcVar);
                Readouts.addSliceConverters(c, rows, out);
                return;
            }
            // weights in the capacitance: per line (slice, device), digit c0 + l; the nominal rescale knows the
            // stored levels, so only the mismatch of the capacitors is left
            Readouts.Digit[][] lv = Readouts.levels(c);
            double ktcVar = 0;
            double sumW = 0;
            for (int s = 0; s < slices; s++) {
                double w = c.mapping.sliceWeight(s);
                sumW += w;
                ktcVar += w * w * in.cycleSumSq() * ktc * ktc * lv[s].length;
            }
            out.add(ErrorSource.CAPACITOR_MISMATCH,
                    SwitchedCapacitors.mismatchVariance(c, rows, sigma, cUnit, d, c0));
            out.add(ErrorSource.KTC, ktcVar);
            double stMean = ColumnSumErrors.storedMean(c);
            double shift = c.mapping.differential() ? 0 : c0 * sumW;
            out.add(ErrorSource.DAC_NONLINEARITY, InputErrors.amplitudeDacVariance(c, rows,
                    c.deviceErrors.storedSq + 2 * shift * stMean + shift * shift, stMean + shift));
            double analog = Readouts.analogSigma(c, out, c.mapping.devicesPerSlice());
            Readouts.ConverterSum sum = new Readouts.ConverterSum();
            for (int s = 0; s < slices; s++) {
                for (int dev = 0; dev < lv[s].length; dev++) {
                    lineRange(c, lv[s][dev], rows, r);
                    Readouts.addConverterTerms(c, in, lv[s][dev].shift(c0), rows,
                            c.mapping.sliceWeight(s) * (dev == 0 ? 1 : -1), analog, r, sum);
                }
            }
            sum.flush(out);
        }

        /** Converter range of a capacitor-weighted line with digit c0 + l: from zero to its largest value. */
        void lineRange(TileContext c, Readouts.Digit l, int rows, Readouts.Range r) {
            Readouts.Inputs in = Readouts.inputs(c);
            Readouts.Digit dl = l.shift(c0);
            Readouts.linearRange(c, Readouts.mean(in, dl, rows), Math.sqrt(Readouts.variance(in, dl, rows)), 0,
                    rows * in.uMax() * Math.max(dl.max(), 0), r);
        }

        @Override
        public TileBehaviour behaviour(TileContext c, int[][] weights, ChipKey key) {
            ProgrammedArray arr = ProgrammedArray.program(c, c.device, weights, key);
            double sigma = SwitchedCapacitors.capSigma(c, aC, cUnit);
            if (!capWeights) {
                return new SwitchedCapacitors.Tile(c, arr, key, cUnit, sigma, denominatorF(c));
            }
            return new WeightedTile(c, arr, key, this, sigma);
        }
    }

    /** Mean stored level over the devices of the tile. */
    static double meanLevel(TileContext c) {
        return Readouts.meanLevel(c);
    }

    /**
     * Tier B of capacitor weights: one line per device, a_i = (c0 + l_i)(1 + delta_i / sqrt(c0 + l_i)) with
     * l the sensed level and delta ~ sigma N(0, 1) per cell (Pelgrom on a capacitor of c0 + l units), times
     * the line's static gain D_nominal / D_actual; kT/C; c0 sum u removed.
     */
    static final class WeightedTile extends TileBehaviour {
        private final double c0;

        WeightedTile(TileContext c, ProgrammedArray arr, ChipKey key, Model m, double sigma) {
            super(c, arr, arr.devices, key);
            this.c0 = m.c0;
            nativeIsZ = false;
            int tileRows = c.computeRows();
            double cp = m.denominatorF(c) - tileRows * m.cUnit * (m.c0 + meanLevel(c));
            int levels = arr.mapping.levels();
            for (int j = 0; j < cols; j++) {
                for (int s = 0; s < slices; s++) {
                    for (int d = 0; d < arr.devices; d++) {
                        int ch = channel(j, s, d);
                        double nominal = (tileRows - rows) * m.c0;
                        double actual = nominal;
                        for (int i = 0; i < rows; i++) {
                            int idx = arr.index(i, j, s, d);
                            double units = m.c0 + SwitchedCapacitors.sensedLevel(arr.state(idx), levels);
                            double cap = units <= 0 || sigma == 0 ? units
                                    : units * (1 + sigma / Math.sqrt(units) * mismatchZ.sample());
                            contrib[i][ch] = cap;
                            actual += cap;
                            nominal += m.c0 + arr.level(idx);
                        }
                        double cpUnits = cp / m.cUnit;
                        double gain = (nominal + cpUnits) / (actual + cpUnits);
                        for (int i = 0; i < rows; i++) {
                            contrib[i][ch] *= gain;
                        }
                    }
                }
            }
            double ktc = SwitchedCapacitors.ktcSigma(c, m.denominatorF(c), m.cUnit);
            java.util.Arrays.fill(postVariance, ktc * ktc);
            Readouts.Digit[][] lv = Readouts.levels(arr.mapping, c.operands);
            Readouts.Range r = new Readouts.Range();
            for (int s = 0; s < slices; s++) {
                for (int d = 0; d < arr.devices; d++) {
                    m.lineRange(c, lv[s][d], rows, r);
                    setRange(s, d, r);
                }
            }
            finish();
        }

        @Override
        protected double compensation() {
            return 1;
        }


        @Override
        protected double toZ(int ch, double v) {
            return v;
        }

        @Override
        protected double sumOffset() {
            return c0;
        }
    }
}
