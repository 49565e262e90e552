package org.aimc.sim.domain;

import java.util.List;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.accuracy.OperandStats;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Current domain (physics.md §2.1): row voltages (amplitude or one bit per cycle) drive cell conductances,
 * column currents sum by KCL into virtual-ground sense amplifiers, then ADCs. Uses the device as a
 * conductance.
 *
 * <p>Per evaluation: array energy t_eval · sum G u^2 V_r^2 (static cell current), row lines charged to the
 * input voltage, one biased sense amplifier per physical column for t_eval, one conversion per weight
 * slice per logical column, and a shift-and-add per conversion. Latency is cycles x (t_eval + columns per
 * ADC x conversion time).
 */
public final class CurrentDomain implements DomainKind {
    static final List<ParamDef> PARAMS = List.of(
            ParamDef.withDefault("t_eval_s", 1e-12, 1e-3, 10e-9,
                    "physics.md §2.1 example: 10 ns evaluation window per MVM [T]",
                    "time the column current is sensed per evaluation, s"),
            ParamDef.withDefault("sense_bias_a", 0, 1e-2, 5e-6,
                    "typical bias of a column TIA / current-mode sense amplifier, a few uA [T]",
                    "bias current of one column sense amplifier, A"),
            ParamDef.withDefault("sense_gates", 0, 1e5, 60,
                    "typical: TIA or current-mode sense amplifier ~ 60 NAND2-equivalent areas [T]",
                    "area of one column sense amplifier in NAND2 equivalents"));

    @Override
    public String id() {
        return "current";
    }

    @Override
    public String description() {
        return "Ohm's law + KCL current summation into virtual-ground sense amplifiers";
    }

    @Override
    public List<ParamDef> parameters() {
        return PARAMS;
    }

    @Override
    public DomainModel create(ParamValues p) {
        return new Model(p.get("t_eval_s"), p.get("sense_bias_a"), p.get("sense_gates"));
    }

    static final class Model implements DomainModel {
        private final double tEval;
        private final double senseBias;
        private final double senseGates;

        Model(double tEval, double senseBias, double senseGates) {
            this.tEval = tEval;
            this.senseBias = senseBias;
            this.senseGates = senseGates;
        }

        @Override
        public String infeasibility(TileContext c) {
            if (c.dac.encoding() == Encoding.PULSE_WIDTH) {
                return "current domain senses a static current; pulse-width inputs need an integrating readout "
                        + "(charge domain)";
            }
            return null;
        }

        @Override
        public void cost(TileContext c, int rows, int weightCols, TileCost out) {
            energy(c, rows, weightCols, out);
            Technology tech = c.tech;
            int bits = c.spec.adc().bits();
            int tileCols = c.spec.array().cols();
            int tileRows = c.spec.array().rows();
            int adcs = adcCount(c);
            out.latencyS = c.cycles() * (tEval + c.spec.adc().columnsPerAdc() * c.adc.conversionTimeS(bits, tech));
            out.areaArrayM2 = (double) tileRows * tileCols * c.device.params().cellAreaF2 * tech.f2();
            out.areaDacM2 = tileRows * c.dac.areaM2(c.inputBits(), tech);
            out.areaSenseM2 = tileCols * tech.gatesArea(senseGates);
            out.areaAdcM2 = adcs * c.adc.areaM2(bits, tech);
            out.areaDigitalM2 = adcs * tech.gatesArea(DIGITAL_GATES_PER_BIT * accumulatorBits(c));
        }

        @Override
        public double energyJ(TileContext c, int rows, int weightCols, TileCost scratch) {
            energy(c, rows, weightCols, scratch);
            return scratch.energyJ();
        }

        /**
         * The energy fields of {@code out}; clears the others. Every term is a per-point coefficient times
         * rows x physical columns, rows, physical columns or conversions; the coefficients are computed once
         * per point into the context's scratch.
         */
        private void energy(TileContext c, int rows, int weightCols, TileCost out) {
            out.clear();
            double[] k = c.scratch;
            if (!c.scratchValid) {
                Technology tech = c.tech;
                OperandStats ops = c.operands;
                double vr = c.device.params().readVoltageV;
                double eu;
                double eu2;
                if (c.dac.encoding() == Encoding.BIT_SERIAL) {
                    eu = ops.bitActivity();
                    eu2 = eu;
                } else {
                    eu = ops.ex() / ops.xMax();
                    eu2 = ops.ex2() / ((double) ops.xMax() * ops.xMax());
                }
                int cycles = c.cycles();
                double rowCap = tech.wireCapF(c.spec.array().cols() * c.cellPitchM());
                k[0] = cycles * c.deviceErrors.meanConductanceS * eu2 * vr * vr * tEval; // per cell
                k[1] = cycles * (rowCap * vr * vr * eu + c.dac.coreEnergyJ(c.inputBits(), vr, tech)); // per row
                k[2] = cycles * senseBias * tech.vddV() * tEval; // per physical column
                k[3] = cycles * c.mapping.slices() * c.adc.energyJ(c.spec.adc().bits(), tech); // per weight column
                k[4] = cycles * c.mapping.slices() * accumulatorBits(c) * tech.addBitEnergyJ(); // per weight column
                c.scratchValid = true;
            }
            double physCols = (double) weightCols * c.mapping.columnsPerWeight();
            out.energyArrayJ = k[0] * rows * physCols;
            out.energyDacJ = k[1] * rows;
            out.energySenseJ = k[2] * physCols;
            out.energyAdcJ = k[3] * weightCols;
            out.energyDigitalJ = k[4] * weightCols;
        }

        @Override
        public void errors(TileContext c, ErrorBudget out) {
            int rows = c.spec.array().rows();
            out.signalPower(ColumnSumErrors.signalPower(c.operands, c.deviceErrors, rows));
            ColumnSumErrors.addDeviceTerms(c, rows, out);
            double ir = ColumnSumErrors.irDropVariance(c, rows);
            out.add(ErrorSource.IR_DROP, ir);
            double nl = ColumnSumErrors.nonlinearityVariance(c, rows);
            out.add(ErrorSource.NONLINEARITY, nl);
            boolean exact = c.deviceErrors.exact() && ir == 0 && nl == 0;
            out.add(ErrorSource.ADC, ColumnSumErrors.adcVariance(c, rows, exact));
        }
    }

    /** Shift-and-add accumulator (adder + register) per bit, NAND2 equivalents; typical [T]. */
    static final double DIGITAL_GATES_PER_BIT = 12;

    /** Width of the shift-and-add accumulator behind one ADC. */
    static int accumulatorBits(TileContext c) {
        int w = c.spec.adc().bits() + c.mapping.bitsPerCell() * (c.mapping.slices() - 1);
        if (c.dac.encoding() == Encoding.BIT_SERIAL) {
            w += c.inputBits() - 1;
        }
        return w;
    }

    /** Converters in one tile: one per columns_per_adc slice columns. */
    static int adcCount(TileContext c) {
        int convCols = c.weightColumns() * c.mapping.slices();
        int k = c.spec.adc().columnsPerAdc();
        return (convCols + k - 1) / k;
    }
}
