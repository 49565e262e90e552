package org.aimc.sim.hat;

import java.util.Arrays;
import org.aimc.sim.crossbar.Crossbar;
import org.aimc.sim.crossbar.CrossbarSpec;
import org.aimc.sim.crossbar.NodalModel;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.hw.HardwareNetwork;
import org.aimc.sim.hw.HardwarePoint;
import org.aimc.sim.hw.QuantisedNetwork;
import org.aimc.sim.mapping.WeightMapping;
import org.aimc.sim.nn.Kernels;
import org.aimc.sim.peripheral.Encoding;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.PointSpec;

/**
 * The reference {@link HardwareBackend}: one chip instance of a design point, simulated as faithfully as the
 * platform can. Its core is the behavioural chip of the hardware-mapped inference ({@link HardwareNetwork}:
 * every device sampled per chip, circuit mismatch, converter INL/DNL, offsets and noise, the domain's
 * physics); on top of it the tier-C effects the behavioural tile leaves out:
 * <ul>
 *   <li><b>Full nodal IR drop</b> where the point asks for {@code nonideal.ir_drop: nodal} in a domain whose
 *       columns are held at virtual ground (current, charge): every tile's
 *       crossbar (both line sets, the access structure) is solved by the nodal model
 *       ({@link NodalModel}, one solve per driven row with the factorization shared) for its exact transfer
 *       conductances T, and the word-line gain of every physical column is calibrated as the nodal IR-drop
 *       tier does (the mean input on every row, bit lines ideal); the tile's output gains
 *       {@code Σ_i u_i Σ_s 2^(b s) Σ_d ±(T_ip / gain_p - g_ip) / ΔG}. The behavioural tile then runs without
 *       its first-order bit-line drop.</li>
 *   <li><b>RC settling of charge-domain bit lines</b> when {@link ChipPhysics#chargeSettling()}: every
 *       conversion gains the difference between the settled ({@link ChargeSettling}) and the ideal column
 *       charge.</li>
 * </ul>
 * Both are computed on the nominal (programmed-target) conductances and added to the tile's digital output:
 * their interaction with the sampled device errors is second order, and the converter does not see them.
 * The nominal transfer is a property of the programmed network, shared by every chip instance and time
 * through a {@link Nominal} cache.
 *
 * <p>Not thread-safe.
 */
public final class SimulatedChip implements HardwareBackend {
    private final HardwarePoint outer;
    private final HardwarePoint inner;
    private final int chip;
    private final ChipPhysics physics;
    private final Nominal nominal;
    private final boolean nodal;
    private final boolean settling;
    private HardwareNetwork hw;
    private QuantisedNetwork programmed;
    private long programmings;
    private double[] codes = new double[0];

    private SimulatedChip(SweepPlan plan, long index, double timeS, boolean compensation, int chip,
            ChipPhysics physics, Nominal nominal) {
        HardwarePoint p = HardwarePoint.of(plan, index).at(timeS, compensation);
        this.outer = p;
        this.chip = chip;
        this.physics = physics;
        String domain = p.spec().domain().kind();
        this.nodal = p.spec().nonideal().irDrop().equals("nodal") && p.spec().array().wireOhm() > 0
                && (domain.equals("current") || domain.equals("charge"));
        this.settling = physics.chargeSettling() && p.spec().domain().kind().equals("charge");
        if (nodal) {
            if (!p.spec().array().access().equals("1T1R") && !p.spec().array().access().equals("0T1R")) {
                throw new IllegalArgumentException("full nodal IR drop of a simulated chip needs linear cells (1T1R "
                        + "or 0T1R); array.access is " + p.spec().array().access());
            }
            PointSpec s = p.spec().withNonideal(p.spec().nonideal().withIrDrop("none"));
            this.inner = HardwarePoint.of(s, plan.spec().devices(), plan.spec().seed(), index);
        } else {
            this.inner = p;
        }
        this.nominal = nominal == null ? new Nominal() : nominal;
    }

    /**
     * Chip instance {@code chip} of point {@code index} of a sweep, {@code timeS} after programming, with or
     * without drift compensation, with the tier-C effects of {@code physics}.
     *
     * @param nominal cache of nominal transfers shared by the chips and times of one network (may be null)
     */
    public static SimulatedChip of(SweepPlan plan, long index, double timeS, boolean compensation, int chip,
            ChipPhysics physics, Nominal nominal) {
        return new SimulatedChip(plan, index, timeS, compensation, chip, physics, nominal);
    }

    /** The design point at this chip's time. */
    public HardwarePoint point() {
        return outer;
    }

    public int chip() {
        return chip;
    }

    /** True when the chip adds effects beyond the behavioural tile. */
    public boolean tierC() {
        return nodal || settling;
    }

    @Override
    public void program(QuantisedNetwork network) {
        hw = HardwareNetwork.program(network, inner, chip);
        programmed = network;
        programmings++;
        if (tierC()) {
            nominal.prepare(network, inner, nodal, settling ? physics : null);
        }
    }

    @Override
    public QuantisedNetwork programmed() {
        return programmed;
    }

    @Override
    public long programmings() {
        return programmings;
    }

    @Override
    public void run(int layer, double[] x, int batch, double[] y) {
        if (hw == null) {
            throw new IllegalStateException("the chip has not been programmed");
        }
        QuantisedNetwork q = programmed;
        var dense = q.network().layer(layer);
        hw.multiply(layer, dense, x, batch, y);
        if (!tierC()) {
            return;
        }
        int in = dense.in();
        int out = dense.out();
        if (codes.length < batch * in) {
            codes = new double[batch * in];
        }
        for (int i = 0; i < batch * in; i++) {
            codes[i] = q.inputCode(layer, x[i]);
        }
        double[] delta = nominal.correction(layer, codes, batch);
        double kappa = inner.context().deviceErrors.compensation;
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < out; j++) {
                y[b * out + j] += kappa * q.outputScale(layer, j) * delta[b * out + j];
            }
        }
    }

    /**
     * The tier-C corrections of one programmed network on one design point, from its nominal conductances,
     * computed once and shared by every chip instance and time (the chips differ in their sampled errors,
     * which the behavioural tile carries).
     */
    public static final class Nominal {
        private QuantisedNetwork network;
        private HardwarePoint point;
        /** Per layer, per tile [row block][column block]: the nodal correction (rows x columns), or null. */
        private double[][][][] nodalCorrection;
        /** Per layer, per tile, per (slice, device): nominal conductances in level units (rows x columns). */
        private double[][][][][] levels;
        private SettlingColumns settle;
        private int tileRows;
        private int tileCols;
        private WeightMapping map;
        private Encoding encoding;
        private int cycles;
        private double base;
        private double[] out = new double[0];

        /** Computes the corrections of {@code q} on {@code p} unless they are those already held. */
        synchronized void prepare(QuantisedNetwork q, HardwarePoint p, boolean nodal, ChipPhysics settling) {
            if (q == network && p.index() == (point == null ? -1 : point.index())
                    && (nodalCorrection != null) == nodal && (settle != null) == (settling != null)) {
                return;
            }
            TileContext c = p.context();
            map = c.mapping;
            tileRows = p.tileRows();
            tileCols = p.tileColumns();
            encoding = c.encoding();
            cycles = c.cycles();
            double gMin = c.device.params().gMinS;
            double dG = c.deviceErrors.levelStepS;
            base = gMin / dG;
            int depth = q.network().depth();
            int slices = map.slices();
            int dps = map.devicesPerSlice();
            nodalCorrection = nodal ? new double[depth][][][] : null;
            levels = settling != null ? new double[depth][][][][] : null;
            settle = null;
            if (settling != null) {
                double capF = c.tech.wireCapF(p.spec().array().rows() * c.cellPitchM()) + settling.chargeNodeCapF();
                double tLsb = SweepPlan.domainParams(p.spec().domain()).get("t_lsb_s");
                settle = new SettlingColumns(new ChargeSettling(capF / (tLsb * dG), 1 / (settling.chargeInputOhm() * dG),
                        encoding == Encoding.BIT_SERIAL ? 1 : c.operands.xMax()));
            }
            int[] plus = new int[slices];
            int[] minus = new int[slices];
            for (int l = 0; l < depth; l++) {
                var d = q.network().layer(l);
                int rb = (d.in() + tileRows - 1) / tileRows;
                int cb = (d.out() + tileCols - 1) / tileCols;
                if (nodal) {
                    nodalCorrection[l] = new double[rb][cb][];
                }
                if (levels != null) {
                    levels[l] = new double[rb][cb][][];
                }
                for (int r = 0; r < rb; r++) {
                    int r0 = r * tileRows;
                    int rows = Math.min(tileRows, d.in() - r0);
                    for (int k = 0; k < cb; k++) {
                        int c0 = k * tileCols;
                        int cols = Math.min(tileCols, d.out() - c0);
                        int[][] w = q.weightBlock(l, r0, rows, c0, cols);
                        double[][] lv = new double[slices * dps][rows * cols];
                        for (int i = 0; i < rows; i++) {
                            for (int j = 0; j < cols; j++) {
                                map.levels(w[i][j], plus, minus);
                                for (int s = 0; s < slices; s++) {
                                    for (int dv = 0; dv < dps; dv++) {
                                        lv[s * dps + dv][i * cols + j] = dv == 0 ? plus[s] : minus[s];
                                    }
                                }
                            }
                        }
                        if (nodal) {
                            nodalCorrection[l][r][k] = nodalTile(p, lv, rows, cols, gMin, dG);
                        }
                        if (levels != null) {
                            for (double[] node : lv) {
                                for (int i = 0; i < node.length; i++) {
                                    node[i] += base;
                                }
                            }
                            levels[l][r][k] = lv;
                        }
                    }
                }
            }
            network = q;
            point = p;
        }

        /**
         * The nodal correction of one tile, {@code [row * cols + column]} per unit input code: the tile's
         * crossbar (physical column (j S + s) D + d) solved for its transfer conductances by one solve per row.
         */
        private double[] nodalTile(HardwarePoint p, double[][] lv, int rows, int cols, double gMin, double dG) {
            int slices = map.slices();
            int dps = map.devicesPerSlice();
            int phys = cols * slices * dps;
            double[] g = new double[rows * phys];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    for (int s = 0; s < slices; s++) {
                        for (int d = 0; d < dps; d++) {
                            g[i * phys + (j * slices + s) * dps + d] = gMin + lv[s * dps + d][i * cols + j] * dG;
                        }
                    }
                }
            }
            var a = p.spec().array();
            // program-and-verify sets the whole 1T1R cell to g (the nodal tier's convention: on-resistance 0)
            CrossbarSpec spec = CrossbarSpec.of(rows, phys, a.access(), a.wireOhm()).withAccessOnOhm(0);
            NodalModel nm = NodalModel.of(Crossbar.of(spec, g));
            double[] t = new double[rows * phys];
            double[] v = new double[rows];
            double[] cur = new double[phys];
            for (int i = 0; i < rows; i++) {
                v[i] = 1;
                nm.columnCurrents(v, cur);
                v[i] = 0;
                System.arraycopy(cur, 0, t, i * phys, phys);
            }
            // word-line gain of every physical column: the mean input on every row with ideal bit lines, each row
            // line an exact ladder from its driver (BitLineLadder with the driven end as its fixed node)
            double[] gain = new double[phys];
            double[] sumG = new double[phys];
            BitLineLadder row = new BitLineLadder(BitLineLadder.Mode.EXACT, a.wireOhm());
            double[] line = new double[phys];
            double[] loss = new double[phys];
            double[] tr = new double[phys];
            double[] piv = new double[phys];
            for (int i = 0; i < rows; i++) {
                for (int pc = 0; pc < phys; pc++) {
                    line[phys - 1 - pc] = g[i * phys + pc];
                }
                row.forward(line, phys, loss, tr, piv);
                for (int pc = 0; pc < phys; pc++) {
                    gain[pc] += tr[phys - 1 - pc];
                    sumG[pc] += g[i * phys + pc];
                }
            }
            for (int pc = 0; pc < phys; pc++) {
                gain[pc] = sumG[pc] > 0 ? gain[pc] / sumG[pc] : 1;
            }
            double[] corr = new double[rows * cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double sum = 0;
                    for (int s = 0; s < slices; s++) {
                        for (int d = 0; d < dps; d++) {
                            int pc = (j * slices + s) * dps + d;
                            double diff = t[i * phys + pc] / gain[pc] - g[i * phys + pc];
                            sum += map.sliceWeight(s) * (d == 0 ? 1 : -1) * diff / dG;
                        }
                    }
                    corr[i * cols + j] = sum;
                }
            }
            return corr;
        }

        /** The corrections of layer l for a batch of input codes, [b * out + j] in integer output units. */
        synchronized double[] correction(int layer, double[] codes, int batch) {
            var d = network.network().layer(layer);
            int in = d.in();
            int outs = d.out();
            if (out.length < batch * outs) {
                out = new double[batch * outs];
            }
            Arrays.fill(out, 0, batch * outs, 0);
            int rb = (in + tileRows - 1) / tileRows;
            int cb = (outs + tileCols - 1) / tileCols;
            double[] ub = new double[batch * tileRows];
            double[] yb = new double[batch * tileCols];
            double[] zb = new double[batch * tileCols];
            boolean serial = encoding == Encoding.BIT_SERIAL;
            for (int r = 0; r < rb; r++) {
                int r0 = r * tileRows;
                int rows = Math.min(tileRows, in - r0);
                for (int k = 0; k < cb; k++) {
                    int c0 = k * tileCols;
                    int cols = Math.min(tileCols, outs - c0);
                    if (nodalCorrection != null) {
                        for (int b = 0; b < batch; b++) {
                            System.arraycopy(codes, b * in + r0, ub, b * rows, rows);
                        }
                        Kernels.multiply(ub, batch, rows, nodalCorrection[layer][r][k], cols, yb);
                        add(yb, batch, cols, c0, outs, 1);
                    }
                    if (levels != null) {
                        double[][] lv = levels[layer][r][k];
                        for (int cy = 0; cy < cycles; cy++) {
                            for (int b = 0; b < batch; b++) {
                                for (int i = 0; i < rows; i++) {
                                    double code = codes[b * in + r0 + i];
                                    ub[b * rows + i] = serial ? ((int) code >>> cy) & 1 : code;
                                }
                            }
                            double ck = serial ? Math.scalb(1.0, cy) : 1;
                            for (int node = 0; node < lv.length; node++) {
                                int s = node / map.devicesPerSlice();
                                int dv = node % map.devicesPerSlice();
                                double w = ck * map.sliceWeight(s) * (dv == 0 ? 1 : -1);
                                settle.forward(ub, batch, rows, lv[node], cols, zb);
                                Kernels.multiply(ub, batch, rows, lv[node], cols, yb);
                                for (int i = 0; i < batch * cols; i++) {
                                    yb[i] = zb[i] - yb[i];
                                }
                                add(yb, batch, cols, c0, outs, w);
                            }
                        }
                    }
                }
            }
            return out;
        }

        private void add(double[] yb, int batch, int cols, int c0, int outs, double w) {
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < cols; j++) {
                    out[b * outs + c0 + j] += w * yb[b * cols + j];
                }
            }
        }
    }
}
