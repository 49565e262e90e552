package org.aimc.sim.domain;

import java.util.List;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.peripheral.SarAdc;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Charge redistribution (physics.md §2.3): the stored weight bit gates what the cell puts on its unit
 * capacitor C_u; then all capacitors of the column are shorted and share their charge:
 * V = sum_i C_i b_i v_i / (sum_i C_i + C_p), an average over the rows. Uses the memory cell as a switch that
 * gates a capacitor (one stored bit per cell, multi-bit weights by bit slicing, recombined by shift-and-add).
 * Inputs either as bits (bit-serial: the cell's logic gate drives C_u to V_DD when input and weight bits are
 * both 1) or as levels (amplitude: a row DAC, e.g. a capacitive C-2C DAC as in Wang et al., VLSI 2022,
 * drives the row to V_DD u / u_max and the cell's transmission gate passes it onto C_u when its bit is 1).
 * A differential pair is converted as the difference of its two shared nodes.
 *
 * <p>Errors ({@link SwitchedCapacitors}): device states crossing the middle of the window flip bits;
 * capacitor mismatch (Pelgrom, per chip); kT/C of the shared node; the parasitic C_p dilutes the signal
 * (the nominal rescale corrects the gain, the kT/C noise relative to the signal grows); amplitude-DAC
 * INL/DNL; the converter.
 *
 * <p>Energy per evaluation (pure C V^2): each cell whose bit is 1 charges C_u and its switch's junction and
 * gate (2 minimum-transistor capacitances) to the row level from V_DD, C V_DD^2 E[u] / u_max; the node's
 * parasitic C_p V_DD^2 (reset and share); row lines (wire and one gate per cell) and drivers; converters (a SAR re-uses the column capacitors
 * as its DAC, so a conversion switches 1.33 C_col V_DD^2 instead of its own 2^B C_u array).
 * Latency: cycles x (charge-and-share phase + conversions).
 */
public final class ChargeRedistributionDomain implements DomainKind {
    static final List<ParamDef> PARAMS = List.of(
            ParamDef.withDefault("c_unit_f", 1e-17, 1e-12, 1e-15,
                    "physics.md §2.3 example: C_u = 1 fF MOM unit capacitor [T]",
                    "unit capacitor of a cell, F"),
            ParamDef.withDefault("c_parasitic_extra_f", 0, 1e-11, 10e-15,
                    "typical: converter input and share-switch junctions ~10 fF on the summing node [T]",
                    "parasitic capacitance of the summing node beyond the column wire, F"),
            SwitchedCapacitors.CAP_MISMATCH,
            ParamDef.withDefault("t_share_s", 1e-12, 1e-6, 1e-9,
                    "typical: ~1 ns charge and share phases in SRAM charge-domain macros [T]",
                    "duration of the charge and share phases of one evaluation, s"));

    @Override
    public String id() {
        return "charge-redistribution";
    }

    @Override
    public String description() {
        return "stored bits gate what each cell puts on its unit capacitor, charge sharing averages them";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public DomainModel create(ParamValues p) {
        return new Model(p.get("c_unit_f"), p.get("c_parasitic_extra_f"), p.get("cap_mismatch_pct_sqrt_ff") / 100,
                p.get("t_share_s"));
    }

    static final class Model implements DomainModel {
        private final double cUnit;
        private final double cExtra;
        private final double aC;
        private final double tShare;

        Model(double cUnit, double cExtra, double aC, double tShare) {
            this.cUnit = cUnit;
            this.cExtra = cExtra;
            this.aC = aC;
            this.tShare = tShare;
        }

        @Override
        public String infeasibility(TileContext c) {
            if (c.encoding() == Encoding.PULSE_WIDTH) {
                return "charge redistribution puts a level (a bit or a DAC voltage) on each capacitor; a pulse width "
                        + "carries no level (use bit-serial or amplitude inputs)";
            }
            if (c.adc.convertsTime()) {
                return "charge redistribution outputs a shared voltage; a " + c.adc.id() + " converter digitises "
                        + "time intervals";
            }
            return SwitchedCapacitors.binaryCells(c, "charge redistribution");
        }

        double denominatorF(TileContext c) {
            return SwitchedCapacitors.denominatorF(c, cUnit, cExtra);
        }

        @Override
        public void cost(TileContext c, int rows, int weightCols, TileCost out) {
            energy(c, rows, weightCols, out);
            out.latencyS = c.cycles() * (tShare + TileCosts.conversionLatencyS(c));
            double capArea = cUnit / Technology.MOM_CAP_F_PER_M2;
            // the MOM capacitor sits in the metal stack over its compute cell: the larger of the two sets the
            // pitch; with local weight multiplexing the other storage cells of its group carry no capacitor
            out.areaArrayM2 = TileCosts.sharedCapacitorArrayAreaM2(c, capArea);
            out.areaDacM2 = TileCosts.dacAreaM2(c);
            out.areaSenseM2 = 0;
            TileCosts.converterArea(c, 1, out);
            if (reusesColumnCaps(c)) {
                // the column's capacitors are the SAR's DAC: its own capacitor array is not built
                out.areaAdcM2 -= TileCosts.adcCount(c, 1) * SarAdc.ownDacCapF(c.spec.adc().bits())
                        / Technology.MOM_CAP_F_PER_M2;
            }
        }

        /**
         * True when the readout is a SAR, which here re-uses the column's capacitors (the unit capacitors,
         * the column line and the node's parasitics) as its capacitor DAC, as charge-sharing macros do
         * (physics.md §2.3 "SAR ADC, frequently re-using the same capacitors as the ADC DAC"; §5.4 table,
         * "caps can be shared with charge-domain array"): each conversion then switches the whole column.
         */
        static boolean reusesColumnCaps(TileContext c) {
            return c.adc instanceof SarAdc;
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
            double bitOn = Readouts.meanLevel(c);
            double cell = cUnit + 2 * c.tech.gateCapF();
            out.energyArrayJ = c.cycles() * (double) rows * physCols * u[0] * bitOn * cell * vdd * vdd;
            out.energySenseJ = c.cycles() * (double) physCols * (denominatorF(c) - c.computeRows() * cUnit)
                    * vdd * vdd;
            out.energyDacJ = c.cycles() * (double) rows * (TileCosts.rowLineCapF(c) * vdd * vdd * u[0]
                    + c.dac.coreEnergyJ(c.inputBits(), vdd, c.tech));
            out.energyArrayJ += TileCosts.muxSelectEnergyJ(c, rows);
            TileCosts.converterEnergy(c, weightCols, 1, out);
            if (reusesColumnCaps(c)) {
                double own = SarAdc.ownDacCapF(c.spec.adc().bits());
                double column = denominatorF(c);
                if (column > own) {
                    out.energyAdcJ += TileCosts.conversions(c, weightCols, 1)
                            * SarAdc.dacSwitchingJ(column - own, c.tech);
                }
            }
        }

        @Override
        public void errors(TileContext c, ErrorBudget out) {
            int rows = c.computeRows();
            out.signalPower(ColumnSumErrors.signalPower(c.operands, c.deviceErrors, rows));
            SwitchedCapacitors.addFlipTerms(c, rows, out, null);
            double d = denominatorF(c);
            double cap = SwitchedCapacitors.mismatchVariance(c, rows, SwitchedCapacitors.capSigma(c, aC, cUnit),
                    cUnit, d, 0);
            out.add(ErrorSource.CAPACITOR_MISMATCH, cap);
            out.add(ErrorSource.DAC_NONLINEARITY, InputErrors.amplitudeDacVariance(c, rows));
            Readouts.Inputs in = Readouts.inputs(c);
            double ktc = SwitchedCapacitors.ktcSigma(c, d, cUnit);
            double ktcVar = 0;
            for (int s = 0; s < c.mapping.slices(); s++) {
                double w2 = c.mapping.sliceWeight(s) * c.mapping.sliceWeight(s);
                ktcVar += w2 * in.cycleSumSq() * ktc * ktc * c.mapping.devicesPerSlice();
            }
            out.add(ErrorSource.KTC, ktcVar);
            Readouts.addSliceConverters(c, rows, out);
        }

        @Override
        public TileBehaviour behaviour(TileContext c, int[][] weights, ChipKey key) {
            return new SwitchedCapacitors.Tile(c, ProgrammedArray.program(c, c.device, weights, key), key, cUnit,
                    SwitchedCapacitors.capSigma(c, aC, cUnit), denominatorF(c));
        }
    }
}
