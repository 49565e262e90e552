package org.aimc.sim.hat;

import java.util.Arrays;
import org.aimc.sim.domain.Readouts;
import org.aimc.sim.nn.DenseLayer;
import org.aimc.sim.nn.Kernels;
import org.aimc.sim.nn.Quantizers;
import org.aimc.sim.nn.TrainableMvm;
import org.aimc.sim.peripheral.Encoding;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The training model of a design point: every layer's product as the deployed hardware computes it, with
 * gradients. Inputs are quantised to the point's input codes with a clipping level per layer, weights to
 * integers with per-column scales ({@link Quantizers}, straight-through), exactly as
 * {@code org.aimc.sim.hw.QuantisedNetwork} deploys them; the product runs in integer units and is rescaled by
 * {@code Δ_l s_j}. The clipping levels of the hidden layers' inputs are learned (LSQ); the network input's
 * (image intensities) stays at its calibration, since learning it would cost a full extra product per step
 * for an input gradient nothing else needs. Two models of the integer product:
 * <ul>
 *   <li>{@link Model#PROBABILISTIC} (physics.md §8.1): the weights carry the device error of the point,
 *       {@code w̃ = κ (w + m(w) + sqrt(v(w)) ε)} with ε ~ N(0, 1) drawn per forward pass and the gradient to
 *       the mean by the reparameterisation trick, {@code ∂w̃/∂w = κ (1 + m'(w) + v'(w)^(1/2) ε)}
 *       ({@link LevelNoise}); the rest of the point's error budget is added to the outputs as Gaussian noise
 *       ({@link TrainingTarget#outputVariance}); where one conversion serves one output, each row block's
 *       sum is quantised by the tile's converter range (straight-through inside the range, zero gradient
 *       where it clips).</li>
 *   <li>{@link Model#PHYSICAL} (physics.md §8.2): the weights are mapped to device levels (slices,
 *       differential pair or offset), each device carries its level's noise, and the tiles' systematic
 *       physics runs on them — the bit-line IR drop ({@link BitLineLadder}), the Millman divider of gated
 *       resistive division ({@link MillmanDivider}) and the RC settling of charge-domain bit lines
 *       ({@link ChargeSettling}) — per row block of {@code array.rows} rows, per input cycle and per converted
 *       node, recombined by the slices' and cycles' weights and the drift compensation. Straight-through
 *       estimators cross the non-differentiable maps: a slice digit gets the share
 *       {@code 2^(b s) / Σ 4^(b s')} of the weight's gradient and an input bit {@code 1 / (2^B - 1)} of the
 *       code's, so that both are exact where the physics is linear.</li>
 * </ul>
 * With noise off ({@code noisy = false}) a model is deterministic: the mean model that
 * hardware-in-the-loop training differentiates through, and the exact quantised network on ideal hardware.
 *
 * <p>Randomness: the noise of a run comes from one stream the caller keys; draws are consumed layer by layer
 * in call order. Not thread-safe.
 */
public final class ModelMvm implements TrainableMvm {
    /** The two model families. */
    public enum Model {
        PROBABILISTIC,
        PHYSICAL
    }

    private final TrainingTarget t;
    private final Model model;
    private final boolean noisy;
    private final boolean learnClips;
    private final double[] clip;
    private final double[] clipGrad;
    private final NormalizedGaussianSampler z;
    private final State[] layers;
    private final double outputVar;
    private final int n;
    private final int q;
    /** m(w), sqrt(v(w)) and their slopes over w in [-Q, Q] ({@link LevelNoise}). */
    private final double[] weightMean;
    private final double[] weightSd;
    private final double[] weightMeanSlope;
    private final double[] weightSdSlope;

    /**
     * @param t            the design point
     * @param model        the product model
     * @param noisy        draw device and output noise (false: the mean model)
     * @param initialClips clipping level of every layer's input (copied; learned from here)
     * @param learnClips   whether the clipping levels are trainable parameters
     * @param rng          source of the noise (unused when not noisy; may then be null)
     */
    public ModelMvm(TrainingTarget t, Model model, boolean noisy, double[] initialClips, boolean learnClips,
            UniformRandomProvider rng) {
        for (int l = 0; l < initialClips.length; l++) {
            if (!(initialClips[l] > 0) || Double.isInfinite(initialClips[l])) {
                throw new IllegalArgumentException("clip of layer " + l + " must be positive and finite, got "
                        + initialClips[l]);
            }
        }
        this.t = t;
        this.model = model;
        this.noisy = noisy;
        this.learnClips = learnClips;
        this.clip = initialClips.clone();
        this.clipGrad = new double[clip.length];
        this.z = noisy ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        this.layers = new State[clip.length];
        this.outputVar = noisy ? t.outputVariance(model == Model.PHYSICAL) : 0;
        this.n = t.xMax();
        this.q = t.qMax();
        int w2 = 2 * q + 1;
        this.weightMean = new double[w2];
        this.weightSd = new double[w2];
        for (int w = -q; w <= q; w++) {
            weightMean[w + q] = t.weightMean(w);
            weightSd[w + q] = Math.sqrt(t.weightVariance(w));
        }
        this.weightMeanSlope = new double[w2];
        this.weightSdSlope = new double[w2];
        for (int i = 0; i < w2; i++) {
            weightMeanSlope[i] = slope(weightMean, i);
            weightSdSlope[i] = slope(weightSd, i);
        }
    }

    public TrainingTarget target() {
        return t;
    }

    public Model model() {
        return model;
    }

    /** The current clipping level of every layer's input (a copy). */
    public double[] clips() {
        return clip.clone();
    }

    @Override
    public double[][] parameters() {
        return learnClips ? new double[][] {clip} : new double[0][];
    }

    @Override
    public double[][] gradients() {
        return learnClips ? new double[][] {clipGrad} : new double[0][];
    }

    /** Keeps every clipping level positive (at least {@link #MIN_CLIP}). */
    @Override
    public void afterStep(long step) {
        for (int l = 0; l < clip.length; l++) {
            clip[l] = Math.max(clip[l], MIN_CLIP);
        }
    }

    /** Smallest clipping level the optimizer may leave. */
    static final double MIN_CLIP = 1e-6;

    private State state(int layer, DenseLayer dense, int batch) {
        if (layer < 0 || layer >= layers.length) {
            throw new IllegalArgumentException("layer " + layer + " outside [0, " + layers.length + ")");
        }
        State s = layers[layer];
        if (s == null || s.in != dense.in() || s.out != dense.out() || s.maxBatch < batch) {
            s = new State(dense.in(), dense.out(), Math.max(batch, s == null ? 0 : s.maxBatch));
            layers[layer] = s;
        }
        return s;
    }

    @Override
    public void multiply(int layer, DenseLayer dense, double[] x, int batch, double[] y) {
        State s = state(layer, dense, batch);
        int in = s.in;
        int out = s.out;
        double c = clip[layer];
        Quantizers.inputCodes(x, batch * in, c, n, s.u);
        Quantizers.columnScales(dense.weights(), in, out, q, s.scale);
        Quantizers.quantiseColumns(dense.weights(), in, out, q, s.scale, s.wq);
        if (model == Model.PROBABILISTIC) {
            s.linear(batch);
        } else {
            s.physical(batch);
        }
        double step = c / n;
        for (int b = 0; b < batch; b++) {
            int o = b * out;
            for (int j = 0; j < out; j++) {
                y[o + j] = step * s.scale[j] * s.y[o + j];
            }
        }
    }

    @Override
    public void backward(int layer, DenseLayer dense, double[] x, double[] dy, int batch, double[] dW, double[] dx) {
        State s = layers[layer];
        if (s == null || s.in != dense.in()) {
            throw new IllegalStateException("backward of layer " + layer + " without its forward pass");
        }
        int in = s.in;
        int out = s.out;
        double c = clip[layer];
        double step = c / n;
        double dcOut = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * out;
            for (int j = 0; j < out; j++) {
                double g = dy[o + j] * step * s.scale[j];
                s.dy[o + j] = g;
                dcOut += g * s.y[o + j];
            }
        }
        boolean inputs = layer > 0 || dx != null;
        if (model == Model.PROBABILISTIC) {
            s.linearBackward(batch, inputs);
        } else {
            s.physicalBackward(batch);
        }
        for (int k = 0; k < in; k++) {
            int o = k * out;
            for (int j = 0; j < out; j++) {
                dW[o + j] = s.dwq[o + j] / s.scale[j];
            }
        }
        if (model == Model.PROBABILISTIC) {
            scaleBackward(s, dense.weights(), batch, dW);
        }
        if (layer == 0) {
            // the network input's range stays at its calibration (class comment)
            clipGrad[0] = 0;
            return;
        }
        double dcIn = Quantizers.inputBackward(x, s.du, batch * in, c, n, dx);
        clipGrad[layer] = (dcOut / c + dcIn) * Quantizers.lsqScale(in, n);
    }

    /**
     * The gradient through the column scales s_j = max_i |W_ij| / q, which the straight-through weights do not
     * carry: the output is step · s_j · Y_j(W / s_j), and everything in Y beyond its linear part in the integer
     * weights (device mean error and noise, output noise, readout quantisation) is in level units, so it grows
     * with s_j: ∂L/∂s_j = (Σ_b dY_bj Y_bj − Σ_i ∂L/∂wq_ij · wq_ij) / s_j with dY = ∂L/∂Y. It reaches the
     * weight that sets the scale (∂s_j/∂W_ij = sign(W_ij) / q), so training learns that a column's largest
     * weight sets the noise of all its weights (the reparameterisation w̃ = μ + σ(μ)ε differentiated through σ).
     */
    private void scaleBackward(State s, double[] w, int batch, double[] dW) {
        int in = s.in;
        int out = s.out;
        double[] g = new double[out];
        for (int b = 0; b < batch; b++) {
            int o = b * out;
            for (int j = 0; j < out; j++) {
                g[j] += s.dy[o + j] * s.y[o + j];
            }
        }
        int[] arg = new int[out];
        double[] max = new double[out];
        for (int k = 0; k < in; k++) {
            int o = k * out;
            for (int j = 0; j < out; j++) {
                g[j] -= s.dwq[o + j] * s.wq[o + j];
                double a = Math.abs(w[o + j]);
                if (a > max[j]) {
                    max[j] = a;
                    arg[j] = k;
                }
            }
        }
        for (int j = 0; j < out; j++) {
            if (max[j] > 0) {
                int i = arg[j] * out + j;
                dW[i] += g[j] / s.scale[j] * Math.signum(w[i]) / q;
            }
        }
    }

    // ---------------------------------------------------------------- package-private probes (gradient tests)

    /** The live device conductances (level units) of layer l's physical product, [slice · devices + device]. */
    double[][] deviceConductances(int layer) {
        return layers[layer].phys.qd;
    }

    /** ∂L/∂(device conductances) left by {@link #integerBackward}. */
    double[][] deviceGradients(int layer) {
        return layers[layer].phys.dq;
    }

    /** The live input codes of layer l's last product. */
    double[] codes(int layer) {
        return layers[layer].u;
    }

    /** ∂L/∂codes left by {@link #integerBackward}. */
    double[] codeGradients(int layer) {
        return layers[layer].du;
    }

    /** Layer l's integer outputs of the last product. */
    double[] integerOutputs(int layer) {
        return layers[layer].y;
    }

    /** Recomputes layer l's physical product from the current codes and device conductances (no new draws). */
    void rerun(int layer, int batch) {
        layers[layer].phys.forwardFromLevels(batch);
    }

    /** Back-propagates {@code dY} (∂L/∂ integer outputs) through layer l's last physical product. */
    void integerBackward(int layer, double[] dY, int batch) {
        State s = layers[layer];
        System.arraycopy(dY, 0, s.dy, 0, batch * s.out);
        s.physicalBackward(batch);
    }

    /** Central difference of a table at index i (one-sided at the ends). */
    private static double slope(double[] f, int i) {
        if (f.length == 1) {
            return 0;
        }
        if (i == 0) {
            return f[1] - f[0];
        }
        if (i == f.length - 1) {
            return f[i] - f[i - 1];
        }
        return 0.5 * (f[i + 1] - f[i - 1]);
    }

    /** Per-layer buffers and the product models. */
    private final class State {
        final int in;
        final int out;
        final int maxBatch;
        final double[] u;
        final double[] scale;
        final double[] wq;
        final double[] y;
        final double[] dy;
        final double[] du;
        final double[] dwq;
        /** Linear products: the effective integer weights and ∂weff/∂wq. */
        final double[] weff;
        final double[] factor;
        /** Row blocks of the tiles: first row and rows. */
        final int[] blockStart;
        final int[] blockRows;
        /** Output quantisation per block: its range and, per output, whether it was inside. */
        final Readouts.Range[] range;
        final boolean[][] inside;
        double[] ublock;
        double[] wblock;
        double[] yblock;

        State(int in, int out, int maxBatch) {
            this.in = in;
            this.out = out;
            this.maxBatch = maxBatch;
            u = new double[maxBatch * in];
            scale = new double[out];
            wq = new double[in * out];
            y = new double[maxBatch * out];
            dy = new double[maxBatch * out];
            du = new double[maxBatch * in];
            dwq = new double[in * out];
            weff = new double[in * out];
            factor = new double[in * out];
            int tr = t.tileRows();
            int blocks = (in + tr - 1) / tr;
            blockStart = new int[blocks];
            blockRows = new int[blocks];
            for (int r = 0; r < blocks; r++) {
                blockStart[r] = r * tr;
                blockRows[r] = Math.min(tr, in - r * tr);
            }
            if (t.outputQuantised()) {
                range = new Readouts.Range[blocks];
                inside = new boolean[blocks][maxBatch * out];
                for (int r = 0; r < blocks; r++) {
                    range[r] = t.outputRange(blockRows[r], new Readouts.Range());
                }
            } else {
                range = null;
                inside = null;
            }
        }

        // ------------------------------------------------------------------ probabilistic

        void linear(int batch) {
            double kappa = t.compensation();
            double[] mean = weightMean;
            double[] sd = weightSd;
            double[] dm = weightMeanSlope;
            double[] ds = weightSdSlope;
            for (int i = 0; i < wq.length; i++) {
                int w = (int) wq[i];
                int idx = w + q;
                if (noisy && (sd[idx] != 0 || ds[idx] != 0)) {
                    double e = z.sample();
                    weff[i] = kappa * (w + mean[idx] + sd[idx] * e);
                    factor[i] = kappa * (1 + dm[idx] + ds[idx] * e);
                } else {
                    weff[i] = kappa * (w + mean[idx]);
                    factor[i] = kappa * (1 + dm[idx]);
                }
            }
            product(batch);
        }

        void linearBackward(int batch, boolean inputs) {
            productBackward(batch, inputs);
            for (int i = 0; i < dwq.length; i++) {
                dwq[i] *= factor[i];
            }
        }

        /** y = u · weff (+ output noise, quantised per row block where one conversion serves an output). */
        void product(int batch) {
            if (range == null) {
                Kernels.multiply(u, batch, in, weff, out, y);
                addOutputNoise(batch, in);
                return;
            }
            Arrays.fill(y, 0, batch * out, 0);
            for (int r = 0; r < blockStart.length; r++) {
                int rows = blockRows[r];
                loadBlock(r, batch, weff);
                Kernels.multiply(ublock, batch, rows, wblock, out, yblock);
                double sigma = Math.sqrt(outputVar * rows / t.tileRows());
                Readouts.Range rg = range[r];
                boolean[] ins = inside[r];
                double inv = 1 / rg.step;
                for (int i = 0; i < batch * out; i++) {
                    double v = yblock[i] + (sigma > 0 ? sigma * z.sample() : 0);
                    double p = (v - rg.lo) * inv;
                    int code;
                    if (p < 0) {
                        code = 0;
                        ins[i] = false;
                    } else if (p >= rg.codes) {
                        code = rg.codes - 1;
                        ins[i] = false;
                    } else {
                        code = (int) p;
                        ins[i] = true;
                    }
                    y[i] += rg.lo + (code + 0.5) * rg.step;
                }
            }
        }

        void productBackward(int batch, boolean inputs) {
            if (range == null) {
                Kernels.multiplyTransA(u, batch, in, dy, out, dwq);
                if (inputs) {
                    Kernels.multiplyTransB(dy, batch, out, weff, in, du);
                }
                return;
            }
            double[] dyb = new double[batch * out];
            double[] dwb = new double[in * out];
            for (int r = 0; r < blockStart.length; r++) {
                int rows = blockRows[r];
                int r0 = blockStart[r];
                loadBlock(r, batch, weff);
                boolean[] ins = inside[r];
                for (int i = 0; i < batch * out; i++) {
                    dyb[i] = ins[i] ? dy[i] : 0;
                }
                Kernels.multiplyTransA(ublock, batch, rows, dyb, out, dwb);
                System.arraycopy(dwb, 0, dwq, r0 * out, rows * out);
                Kernels.multiplyTransB(dyb, batch, out, wblock, rows, ublock);
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(ublock, b * rows, du, b * in + r0, rows);
                }
            }
        }

        /** Copies block r of the codes (batch x rows) and of {@code w} (rows x out) into the block buffers. */
        void loadBlock(int r, int batch, double[] w) {
            int rows = blockRows[r];
            int r0 = blockStart[r];
            if (ublock == null || ublock.length < maxBatch * rows) {
                ublock = new double[maxBatch * t.tileRows()];
                wblock = new double[t.tileRows() * out];
                yblock = new double[maxBatch * out];
            }
            for (int b = 0; b < batch; b++) {
                System.arraycopy(u, b * in + r0, ublock, b * rows, rows);
            }
            System.arraycopy(w, r0 * out, wblock, 0, rows * out);
        }

        void addOutputNoise(int batch, int rowsSummed) {
            if (outputVar <= 0) {
                return;
            }
            double sigma = Math.sqrt(outputVar * rowsSummed / t.tileRows());
            for (int i = 0; i < batch * out; i++) {
                y[i] += sigma * z.sample();
            }
        }

        // ------------------------------------------------------------------ physical

        Physical phys;

        void physical(int batch) {
            if (phys == null) {
                phys = new Physical(this);
            }
            phys.forward(batch);
        }

        void physicalBackward(int batch) {
            phys.backward(batch);
        }
    }

    /** The physical product of one layer (class comment). */
    private final class Physical {
        final State s;
        final int slices;
        final int devices;
        final double[] sliceWeight;
        final double[] digitShare;
        /** Per (slice, device): conductances in level units, their gradient, ∂q/∂w, IR-drop state. */
        final double[][] qd;
        final double[][] dq;
        final double[][] dqdw;
        final double[][] qe;
        final double[][] loss;
        final double[][] pivots;
        final BitLineLadder ladder;
        final double[] line;
        final double[] lineA;
        final double[] lineT;
        final double[] linePiv;
        final double[] lineC;
        final double[] lineL;
        final double[] lineG;
        final boolean linearNodes;
        /** ∂(input of a cycle)/∂code: 1 / (2^B - 1) per bit of a bit-serial code, 1 for codes. */
        final double bitShare;
        /** Nonlinear nodes: per (block, cycle, slice, device) the node sums S (batch x out). */
        double[][] sums;
        final double[] cycleInput;
        final double[] dCycle;
        final double[] zbuf;
        final double[] ubuf;
        final SettlingColumns settle;
        final double[] levelShift;
        final double[] levelSd;

        Physical(State s) {
            this.s = s;
            var map = t.mapping();
            slices = map.slices();
            devices = map.devicesPerSlice();
            sliceWeight = new double[slices];
            digitShare = new double[slices];
            double sq = 0;
            for (int k = 0; k < slices; k++) {
                sliceWeight[k] = map.sliceWeight(k);
                sq += sliceWeight[k] * sliceWeight[k];
            }
            for (int k = 0; k < slices; k++) {
                digitShare[k] = sliceWeight[k] / sq;
            }
            int nodes = slices * devices;
            int size = s.in * s.out;
            qd = new double[nodes][size];
            dq = new double[nodes][size];
            dqdw = new double[nodes][size];
            boolean ir = t.irDropMode() != null;
            qe = ir ? new double[nodes][size] : qd;
            loss = ir ? new double[nodes][size] : null;
            pivots = ir ? new double[nodes][size] : null;
            ladder = ir ? new BitLineLadder(t.irDropMode(), t.wireOhm()) : null;
            int tr = t.tileRows();
            line = new double[tr];
            lineA = new double[tr];
            lineT = new double[tr];
            linePiv = new double[tr];
            lineC = new double[tr];
            lineL = new double[tr];
            lineG = new double[tr];
            linearNodes = t.divider() == null && !t.chargeSettling();
            bitShare = t.encoding() == Encoding.BIT_SERIAL ? 1.0 / n : 1.0;
            cycleInput = new double[s.maxBatch * tr];
            dCycle = new double[s.maxBatch * tr];
            zbuf = new double[s.maxBatch * s.out];
            ubuf = new double[s.maxBatch * tr];
            settle = t.chargeSettling() ? new SettlingColumns(new ChargeSettling(t.settleBeta(), t.settleGamma(),
                    t.encoding() == Encoding.BIT_SERIAL ? 1 : n)) : null;
            LevelNoise ln = t.levelNoise();
            levelShift = new double[ln.levels()];
            levelSd = new double[ln.levels()];
            for (int l = 0; l < levelShift.length; l++) {
                levelShift[l] = ln.shift(l);
                levelSd[l] = Math.sqrt(ln.variance(l));
            }
        }

        /** Levels (and their noise) of every device from the integer weights. */
        void levels() {
            var map = t.mapping();
            int[] plus = new int[slices];
            int[] minus = new int[slices];
            double base = t.base();
            boolean diff = map.differential();
            for (int i = 0; i < s.wq.length; i++) {
                int w = (int) s.wq[i];
                map.levels(w, plus, minus);
                for (int sl = 0; sl < slices; sl++) {
                    for (int d = 0; d < devices; d++) {
                        int node = sl * devices + d;
                        int l = d == 0 ? plus[sl] : minus[sl];
                        double share;
                        if (!diff) {
                            share = digitShare[sl];
                        } else if (w > 0) {
                            share = d == 0 ? digitShare[sl] : 0;
                        } else if (w < 0) {
                            share = d == 0 ? 0 : -digitShare[sl];
                        } else {
                            share = (d == 0 ? 0.5 : -0.5) * digitShare[sl];
                        }
                        double v = base + l + levelShift[l];
                        double dv = 1 + slope(levelShift, l);
                        if (noisy && levelSd[l] + Math.abs(slope(levelSd, l)) > 0) {
                            double e = z.sample();
                            v += levelSd[l] * e;
                            dv += slope(levelSd, l) * e;
                        }
                        qd[node][i] = v;
                        dqdw[node][i] = share * dv;
                    }
                }
            }
        }

        void forward(int batch) {
            levels();
            forwardFromLevels(batch);
        }

        void forwardFromLevels(int batch) {
            int out = s.out;
            if (ladder != null) {
                for (int node = 0; node < qd.length; node++) {
                    irForward(node);
                }
            }
            if (linearNodes) {
                // linear in the inputs: one effective weight matrix, every cycle at once
                double base = t.base();
                Arrays.fill(s.weff, 0);
                for (int sl = 0; sl < slices; sl++) {
                    for (int d = 0; d < devices; d++) {
                        double w = sliceWeight[sl] * (d == 0 ? 1 : -1);
                        double[] qq = qe[sl * devices + d];
                        for (int i = 0; i < s.weff.length; i++) {
                            s.weff[i] += w * (qq[i] - base);
                        }
                    }
                }
                double kappa = t.compensation();
                double off = t.mapping().offset();
                for (int i = 0; i < s.weff.length; i++) {
                    s.weff[i] *= kappa;
                }
                s.product(batch);
                if (off != 0) {
                    subtractOffset(batch, kappa * off);
                }
                return;
            }
            nonlinearForward(batch);
            double kappa = t.compensation();
            for (int i = 0; i < batch * out; i++) {
                s.y[i] *= kappa;
            }
            if (t.mapping().offset() != 0) {
                subtractOffset(batch, kappa * t.mapping().offset());
            }
            s.addOutputNoise(batch, s.in);
        }

        /** y -= c Σ_i x_i per sample (the digital offset of offset mappings). */
        void subtractOffset(int batch, double c) {
            for (int b = 0; b < batch; b++) {
                double sx = 0;
                for (int i = 0; i < s.in; i++) {
                    sx += s.u[b * s.in + i];
                }
                for (int j = 0; j < s.out; j++) {
                    s.y[b * s.out + j] -= c * sx;
                }
            }
        }

        /** The input gradient of {@link #subtractOffset}: ∂L/∂u_i -= κ Q Σ_j ∂L/∂y_j (offset mappings). */
        void offsetBackward(int batch, double kappa) {
            if (t.mapping().offset() == 0) {
                return;
            }
            double c = kappa * t.mapping().offset();
            for (int b = 0; b < batch; b++) {
                double g = 0;
                for (int j = 0; j < s.out; j++) {
                    g += s.dy[b * s.out + j];
                }
                for (int i = 0; i < s.in; i++) {
                    s.du[b * s.in + i] -= c * g;
                }
            }
        }

        void backward(int batch) {
            for (double[] g : dq) {
                Arrays.fill(g, 0);
            }
            if (linearNodes) {
                s.productBackward(batch, true);
                // s.dwq holds ∂L/∂weff; weff = κ Σ ± 2^(b s) (qe - base)
                double kappa = t.compensation();
                for (int sl = 0; sl < slices; sl++) {
                    for (int d = 0; d < devices; d++) {
                        double w = kappa * sliceWeight[sl] * (d == 0 ? 1 : -1);
                        double[] g = dq[sl * devices + d];
                        for (int i = 0; i < g.length; i++) {
                            g[i] = w * s.dwq[i];
                        }
                    }
                }
                offsetBackward(batch, kappa);
            } else {
                nonlinearBackward(batch);
            }
            if (ladder != null) {
                for (int node = 0; node < qd.length; node++) {
                    irBackward(node);
                }
            }
            Arrays.fill(s.dwq, 0);
            for (int node = 0; node < qd.length; node++) {
                double[] g = dq[node];
                double[] f = dqdw[node];
                for (int i = 0; i < g.length; i++) {
                    s.dwq[i] += g[i] * f[i];
                }
            }
        }

        /** Bit-line IR drop of every column of every row block of one device node: qe = t / ΔG. */
        void irForward(int node) {
            double dG = t.levelStepS();
            int out = s.out;
            double[] qq = qd[node];
            for (int r = 0; r < s.blockStart.length; r++) {
                int r0 = s.blockStart[r];
                int rows = s.blockRows[r];
                for (int j = 0; j < out; j++) {
                    for (int i = 0; i < rows; i++) {
                        line[i] = qq[(r0 + i) * out + j] * dG;
                    }
                    ladder.forward(line, rows, lineA, lineT, linePiv);
                    for (int i = 0; i < rows; i++) {
                        int idx = (r0 + i) * out + j;
                        qe[node][idx] = lineT[i] / dG;
                        loss[node][idx] = lineA[i];
                        pivots[node][idx] = linePiv[i];
                    }
                }
            }
        }

        /** Turns ∂L/∂qe (in dq) into ∂L/∂q by the adjoint of each line. */
        void irBackward(int node) {
            double dG = t.levelStepS();
            int out = s.out;
            double[] qq = qd[node];
            double[] g = dq[node];
            for (int r = 0; r < s.blockStart.length; r++) {
                int r0 = s.blockStart[r];
                int rows = s.blockRows[r];
                for (int j = 0; j < out; j++) {
                    for (int i = 0; i < rows; i++) {
                        int idx = (r0 + i) * out + j;
                        line[i] = qq[idx] * dG;
                        lineA[i] = loss[node][idx];
                        linePiv[i] = pivots[node][idx];
                        // ∂L/∂t = ∂L/∂qe / ΔG
                        lineC[i] = g[idx] / dG;
                        lineG[i] = 0;
                    }
                    ladder.backward(line, rows, lineA, linePiv, lineC, lineL, lineG);
                    for (int i = 0; i < rows; i++) {
                        // ∂L/∂q = ∂L/∂g · ΔG
                        g[(r0 + i) * out + j] = lineG[i] * dG;
                    }
                }
            }
        }

        /** The cycle-k inputs of block r: bits for bit-serial inputs, else the codes (pulse widths). */
        void cycleInputs(int r, int k, int batch) {
            int rows = s.blockRows[r];
            int r0 = s.blockStart[r];
            boolean serial = t.encoding() == Encoding.BIT_SERIAL;
            for (int b = 0; b < batch; b++) {
                int uo = b * s.in + r0;
                int co = b * rows;
                for (int i = 0; i < rows; i++) {
                    double code = s.u[uo + i];
                    cycleInput[co + i] = serial ? ((int) code >>> k) & 1 : code;
                }
            }
        }

        void nonlinearForward(int batch) {
            int out = s.out;
            int cycles = t.cycles();
            boolean serial = t.encoding() == Encoding.BIT_SERIAL;
            int slots = s.blockStart.length * cycles * qd.length;
            if (sums == null || sums.length != slots) {
                sums = new double[slots][];
            }
            Arrays.fill(s.y, 0, batch * out, 0);
            double base = t.base();
            MillmanDivider div = t.divider();
            int slot = 0;
            for (int r = 0; r < s.blockStart.length; r++) {
                int rows = s.blockRows[r];
                int r0 = s.blockStart[r];
                for (int k = 0; k < cycles; k++) {
                    cycleInputs(r, k, batch);
                    double ck = serial ? Math.scalb(1.0, k) : 1;
                    for (int sl = 0; sl < slices; sl++) {
                        for (int d = 0; d < devices; d++) {
                            int node = sl * devices + d;
                            double w = ck * sliceWeight[sl] * (d == 0 ? 1 : -1);
                            double[] qblock = block(qe[node], r0, rows);
                            if (sums[slot] == null || sums[slot].length < s.maxBatch * out) {
                                sums[slot] = new double[s.maxBatch * out];
                            }
                            double[] sum = sums[slot];
                            if (div != null) {
                                Kernels.multiply(cycleInput, batch, rows, qblock, out, sum);
                                double centre = t.dividerCentre(sl, d);
                                Readouts.Range rg = t.dividerRange(sl, d);
                                for (int b = 0; b < batch; b++) {
                                    double su = rowSum(b, rows);
                                    for (int j = 0; j < out; j++) {
                                        int i = b * out + j;
                                        double z;
                                        if (rg == null) {
                                            z = div.estimate(sum[i], centre);
                                        } else {
                                            // the node's converter: clip to its range, read the code's centre; a
                                            // clipped node marks its sum with a negative zero slope (below)
                                            double v = div.ratio(sum[i]);
                                            double p = (v - rg.lo) / rg.step;
                                            int code = p < 0 ? 0 : p >= rg.codes ? rg.codes - 1 : (int) p;
                                            z = div.estimateFromRatio(rg.lo + (code + 0.5) * rg.step, centre);
                                            if (p < 0 || p >= rg.codes) {
                                                sum[i] = Double.NaN;
                                            }
                                        }
                                        s.y[i] += w * (z - base * su);
                                    }
                                }
                            } else {
                                settle.forward(cycleInput, batch, rows, qblock, out, sum);
                                for (int b = 0; b < batch; b++) {
                                    double su = rowSum(b, rows);
                                    for (int j = 0; j < out; j++) {
                                        int i = b * out + j;
                                        s.y[i] += w * (sum[i] - base * su);
                                    }
                                }
                            }
                            slot++;
                        }
                    }
                }
            }
        }

        void nonlinearBackward(int batch) {
            int out = s.out;
            int rows0 = t.tileRows();
            int cycles = t.cycles();
            boolean serial = t.encoding() == Encoding.BIT_SERIAL;
            Arrays.fill(s.du, 0, batch * s.in, 0);
            double base = t.base();
            double kappa = t.compensation();
            MillmanDivider div = t.divider();
            double[] dz = zbuf;
            double[] dqb = new double[rows0 * out];
            int slot = 0;
            for (int r = 0; r < s.blockStart.length; r++) {
                int rows = s.blockRows[r];
                int r0 = s.blockStart[r];
                for (int k = 0; k < cycles; k++) {
                    cycleInputs(r, k, batch);
                    Arrays.fill(dCycle, 0, batch * rows, 0);
                    double ck = serial ? Math.scalb(1.0, k) : 1;
                    for (int sl = 0; sl < slices; sl++) {
                        for (int d = 0; d < devices; d++) {
                            int node = sl * devices + d;
                            double w = kappa * ck * sliceWeight[sl] * (d == 0 ? 1 : -1);
                            double[] qblock = block(qe[node], r0, rows);
                            double[] sum = sums[slot];
                            Arrays.fill(dqb, 0, rows * out, 0);
                            if (div != null) {
                                double centre = t.dividerCentre(sl, d);
                                for (int i = 0; i < batch * out; i++) {
                                    // straight through the code's rounding, zero where the converter clipped
                                    dz[i] = Double.isNaN(sum[i]) ? 0 : w * s.dy[i] * div.slope(sum[i], centre);
                                }
                                Kernels.multiplyTransA(cycleInput, batch, rows, dz, out, dqb);
                                // ∂S/∂u_i = q_i, and the digital offset -b Σu
                                Kernels.multiplyTransB(dz, batch, out, qblock, rows, ubuf);
                                for (int i = 0; i < batch * rows; i++) {
                                    dCycle[i] += ubuf[i];
                                }
                            } else {
                                for (int i = 0; i < batch * out; i++) {
                                    dz[i] = w * s.dy[i];
                                }
                                settle.backward(cycleInput, batch, rows, qblock, out, dz, dqb, dCycle);
                            }
                            for (int b = 0; b < batch; b++) {
                                double g = 0;
                                for (int j = 0; j < out; j++) {
                                    g += w * s.dy[b * out + j];
                                }
                                for (int i = 0; i < rows; i++) {
                                    dCycle[b * rows + i] -= base * g;
                                }
                            }
                            double[] gq = dq[node];
                            for (int i = 0; i < rows * out; i++) {
                                gq[r0 * out + i] += dqb[i];
                            }
                            slot++;
                        }
                    }
                    // the cycle's inputs back to the codes: bits share the code's gradient (straight-through)
                    double share = bitShare;
                    for (int b = 0; b < batch; b++) {
                        for (int i = 0; i < rows; i++) {
                            s.du[b * s.in + r0 + i] += share * dCycle[b * rows + i];
                        }
                    }
                }
            }
            offsetBackward(batch, kappa);
        }

        private double rowSum(int b, int rows) {
            double su = 0;
            for (int i = 0; i < rows; i++) {
                su += cycleInput[b * rows + i];
            }
            return su;
        }

        /** Rows [r0, r0 + rows) of a layer-shaped array as a contiguous block (a view when it starts at 0). */
        private double[] block(double[] a, int r0, int rows) {
            if (r0 == 0 && rows * s.out == a.length) {
                return a;
            }
            return Arrays.copyOfRange(a, r0 * s.out, (r0 + rows) * s.out);
        }
    }
}
