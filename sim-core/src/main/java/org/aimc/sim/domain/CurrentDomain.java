package org.aimc.sim.domain;

import java.util.List;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.accuracy.ErrorSource;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * Current domain (physics.md §2.1): row voltages (amplitude or one bit per cycle) drive cell conductances,
 * column currents sum by KCL into virtual-ground sense amplifiers, then ADCs. Uses the device as a
 * conductance; a differential pair is subtracted as currents, so one conversion serves one slice.
 *
 * <p>Per evaluation: array energy t_eval · sum G u^2 V_r^2 (static cell current), row lines charged to the
 * input voltage, one biased sense amplifier per physical column for t_eval, one conversion per weight
 * slice per logical column, and a shift-and-add (and calibration) per conversion. Latency is cycles x
 * (t_eval + columns per ADC x conversion time).
 *
 * <p>Errors: device programming, drift and read noise; first-order IR drop; amplitude-DAC INL/DNL; thermal
 * current noise of the column conductance, i_n^2 = 4 k T G_col BW with BW = 1 / (2 t_eval) (the noise
 * bandwidth of a t_eval integration window, physics.md §2.1, §5.6); the converter. Pulse-width inputs are
 * infeasible: a static current sensed for t_eval does not integrate a pulse width.
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
            String mux = TileCosts.noWeightMultiplexing(c, "the current domain",
                    "models one conducting cell per stored weight (its IR-drop tiers, thermal noise and cell area)");
            if (mux != null) {
                return mux;
            }
            if (c.encoding() == Encoding.PULSE_WIDTH) {
                return "current domain senses a static current; pulse-width inputs need an integrating readout "
                        + "(charge domain)";
            }
            if (c.adc.convertsTime()) {
                return "current domain outputs a current; a " + c.adc.id() + " converter digitises time intervals";
            }
            return null;
        }

        @Override
        public void cost(TileContext c, int rows, int weightCols, TileCost out) {
            energy(c, rows, weightCols, out);
            Technology tech = c.tech;
            out.latencyS = c.cycles() * (tEval + TileCosts.conversionLatencyS(c));
            out.areaArrayM2 = TileCosts.arrayAreaM2(c);
            out.areaDacM2 = TileCosts.dacAreaM2(c);
            out.areaSenseM2 = c.spec.array().cols() * tech.gatesArea(senseGates);
            TileCosts.converterArea(c, 1, out);
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
                double vr = c.device.params().readVoltageV;
                int cycles = c.cycles();
                double[] u = new double[2];
                TileCosts.relativeInput(c, u);
                double rowCap = TileCosts.rowLineCapF(c);
                k[0] = cycles * c.deviceErrors.meanConductanceS * u[1] * vr * vr * tEval; // per cell
                k[1] = cycles * (rowCap * vr * vr * u[0] + c.dac.coreEnergyJ(c.inputBits(), vr, tech)); // per row
                k[2] = cycles * senseBias * tech.vddV() * tEval; // per physical column
                TileCost one = new TileCost();
                TileCosts.converterEnergy(c, 1, 1, one);
                k[3] = one.energyAdcJ; // per weight column
                k[4] = one.energyDigitalJ; // per weight column
                c.scratchValid = true;
            }
            double physCols = (double) weightCols * c.mapping.columnsPerWeight();
            out.energyArrayJ = k[0] * rows * physCols;
            out.energyDacJ = k[1] * rows;
            out.energySenseJ = k[2] * physCols;
            out.energyAdcJ = k[3] * weightCols;
            out.energyDigitalJ = k[4] * weightCols;
        }

        /** Column current per unit of Z, A: V_r ΔG per input code step. */
        double unitCurrentA(TileContext c) {
            return c.device.params().readVoltageV * c.deviceErrors.levelStepS / Readouts.inputs(c).uMax();
        }

        /** Thermal noise of a column conductance {@code gColS} over the window, in units of Z. */
        double thermalSigma(TileContext c, double gColS) {
            double bw = 1 / (2 * tEval);
            double i = Math.sqrt(4 * c.tech.kT() * gColS * bw) * c.noiseKnob();
            return i / unitCurrentA(c);
        }

        /**
         * The budget reads neither the node, the supply nor the ADC multiplexing (costs only), nor the tile
         * width unless an IR-drop tier solves the word lines ({@code segmented}, {@code nodal}).
         */
        @Override
        public boolean errorsDependOn(String path, org.aimc.sim.spec.PointSpec p) {
            return switch (path) {
                case "adc.columns_per_adc", "operating.node_nm", "operating.vdd_v" -> false;
                case "array.cols" -> !(p.nonideal().irDrop().equals("none") || p.nonideal().irDrop().equals("analytic"));
                default -> true;
            };
        }

        @Override
        public void errors(TileContext c, ErrorBudget out) {
            int rows = c.spec.array().rows();
            out.signalPower(ColumnSumErrors.signalPower(c.operands, c.deviceErrors, rows));
            ColumnSumErrors.addDeviceTerms(c, rows, out);
            ColumnSumErrors.addIrDrop(c, rows, out);
            out.add(ErrorSource.NONLINEARITY, ColumnSumErrors.nonlinearityVariance(c, rows));
            double dac = InputErrors.amplitudeDacVariance(c, rows);
            out.add(ErrorSource.DAC_NONLINEARITY, dac);
            Readouts.Inputs in = Readouts.inputs(c);
            Readouts.Digit[][] lv = Readouts.levels(c);
            double gMin = c.device.params().gMinS;
            double dG = c.deviceErrors.levelStepS;
            double thermal = 0;
            for (int s = 0; s < c.mapping.slices(); s++) {
                // the column pair of slice s: its devices' mean conductance over the weight distribution
                double gCol = 0;
                for (Readouts.Digit l : lv[s]) {
                    gCol += rows * (gMin + dG * l.mean());
                }
                double th = thermalSigma(c, gCol);
                thermal += c.mapping.sliceWeight(s) * c.mapping.sliceWeight(s) * th * th * in.cycleSumSq();
            }
            out.add(ErrorSource.THERMAL, thermal);
            Readouts.addSliceConverters(c, rows, out);
        }

        @Override
        public TileBehaviour behaviour(TileContext c, int[][] weights, ChipKey key) {
            return new Tile(c, ProgrammedArray.program(c, c.device, weights, key), key, this);
        }
    }

    /**
     * Tier B: per slice channel, a_i = (g+_i f+_i - g-_i f-_i) / ΔG (offset mappings: (g_i f_i - g_min) / ΔG,
     * the reference column removing g_min sum u), f the first-order IR-drop factor (1 without IR drop);
     * read noise summed over the pair; thermal noise of the column's actual conductance.
     */
    static final class Tile extends TileBehaviour {

        Tile(TileContext c, ProgrammedArray arr, ChipKey key, Model m) {
            super(c, arr, 1, key);
            double r = c.spec.nonideal().irDrop().equals("none") ? 0 : c.spec.array().wireOhm();
            LinearColumns.fill(this, arr, r);
            readVariance((i, ch, idx) -> 1);
            for (int ch = 0; ch < channels; ch++) {
                double g = 0;
                for (int i = 0; i < rows; i++) {
                    for (int d = 0; d < arr.devices; d++) {
                        g += arr.conductanceS(arr.index(i, columnOf(ch), sliceOf(ch), d));
                    }
                }
                double th = m.thermalSigma(c, g);
                postVariance[ch] = th * th;
            }
            LinearColumns.ranges(this);
            double knob = c.spec.nonideal().nonlinearity();
            if (c.encoding() == Encoding.AMPLITUDE && knob > 0
                    && (c.deviceErrors.nlB2 != 0 || c.deviceErrors.nlB != 0)) {
                nonlinearity(knob);
            }
            finish();
        }

        /** The distinct target conductances of the devices; per device, the index of its own. */
        private double[] targets;
        private byte[][] targetOf;
        private float[][] stateOf;
        private double knob;
        private double vUnit;
        private double[] psi;
        private double[] ref;
        /**
         * Devices whose factor does not depend on the conductance: per row (allocated on first use) and input
         * code, the row's scale u (phi - 1) of {@link #scaled} (NaN while not computed).
         */
        private double[][] rowScales;

        /**
         * Device I-V nonlinearity under amplitude inputs (as {@link ColumnSumErrors#nonlinearityVariance}): a
         * device with target g at normalised state n and row input u adds, against the g_min reference,
         * u [n (phi_g(u) - 1) + (g_min / ΔG) (phi_g(u) - phi_{g_min}(u))] to its channel, phi_g(u) =
         * 1 + knob (ivFactor(g, V_r u / u_max) - 1); the back end applies the least-squares gain of the
         * noise-free nonlinear output to the ideal one (the analytic tier's fit, from the same statistics).
         *
         * <p>When the factor does not depend on the conductance ({@link
         * org.aimc.sim.device.DeviceModel#ivFactorDependsOnConductance}, e.g. RRAM's sinh), phi_g = phi_{g_min}
         * and the term is u (phi(u) - 1) (n+ - n-) (offset mappings: u (phi(u) - 1) n): a second per-cell
         * contribution scaled per row, summed with the linear ones ({@link #scaled}).
         */
        private void nonlinearity(double knob) {
            this.knob = knob;
            this.vUnit = c.device.params().readVoltageV / Readouts.inputs(c).uMax();
            outputGain = ColumnSumErrors.nonlinearityGain(c, rows);
            if (!c.device.ivFactorDependsOnConductance() && arr.devices <= 2) {
                scaled = new double[rows][channels];
                for (int i = 0; i < rows; i++) {
                    for (int ch = 0; ch < channels; ch++) {
                        for (int d = 0; d < arr.devices; d++) {
                            double n = arr.state(arr.index(i, columnOf(ch), sliceOf(ch), d));
                            scaled[i][ch] += d == 0 ? n : -n;
                        }
                    }
                }
                rowScales = new double[rows][];
                return;
            }
            java.util.List<Double> distinct = new java.util.ArrayList<>();
            int per = channels * arr.devices;
            targetOf = new byte[rows][per];
            stateOf = new float[rows][per];
            for (int i = 0; i < rows; i++) {
                for (int ch = 0; ch < channels; ch++) {
                    for (int d = 0; d < arr.devices; d++) {
                        int idx = arr.index(i, columnOf(ch), sliceOf(ch), d);
                        double g = arr.targetS(idx);
                        int t = distinct.indexOf(g);
                        if (t < 0) {
                            if (distinct.size() == Byte.MAX_VALUE) {
                                throw new IllegalStateException("more than " + Byte.MAX_VALUE + " target conductances");
                            }
                            distinct.add(g);
                            t = distinct.size() - 1;
                        }
                        targetOf[i][ch * arr.devices + d] = (byte) t;
                        stateOf[i][ch * arr.devices + d] = (float) arr.state(idx);
                    }
                }
            }
            targets = distinct.stream().mapToDouble(Double::doubleValue).toArray();
            psi = new double[targets.length];
            ref = new double[targets.length];
            hasCycleTerms = true;
        }

        @Override
        protected double rowScale(int row, int code, double u) {
            // amplitude inputs: u is a static function of the row and its code, and so is the scale
            double[] m = rowScales[row];
            if (m == null) {
                m = new double[xMax + 1];
                java.util.Arrays.fill(m, Double.NaN);
                rowScales[row] = m;
            }
            double p = m[code];
            if (p != p) {
                double phi = 1 + knob * (c.device.ivFactor(arr.gMinS, u * vUnit) - 1);
                p = u * (phi - 1);
                m[code] = p;
            }
            return p;
        }

        @Override
        protected void cycleTerms(int[] x, double[] u, double[] acc) {
            double gRef = arr.gMinS / arr.levelStepS;
            int devs = arr.devices;
            for (int i = 0; i < rows; i++) {
                double ui = u[i];
                if (ui == 0) {
                    continue;
                }
                double v = ui * vUnit;
                double phi0 = 1 + knob * (c.device.ivFactor(arr.gMinS, v) - 1);
                for (int t = 0; t < targets.length; t++) {
                    double phi = 1 + knob * (c.device.ivFactor(targets[t], v) - 1);
                    psi[t] = ui * (phi - 1);
                    ref[t] = ui * gRef * (phi - phi0);
                }
                byte[] to = targetOf[i];
                float[] st = stateOf[i];
                for (int ch = 0; ch < channels; ch++) {
                    double sum = 0;
                    for (int d = 0; d < devs; d++) {
                        int k = ch * devs + d;
                        double term = st[k] * psi[to[k]] + ref[to[k]];
                        sum += d == 0 ? term : -term;
                    }
                    acc[ch] += sum;
                }
            }
        }
    }
}
