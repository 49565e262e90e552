package org.aimc.sim.nn;

import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.WorkloadSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A multilayer perceptron: dense layers with ReLU between them and linear outputs (logits) at the end,
 * trained with a softmax cross-entropy loss ({@link Losses}). Every layer's matrix-vector product goes
 * through the {@link MvmEngine} the caller passes to {@link #forward}; the bias and the ReLU are digital.
 *
 * <p>The parameters are live arrays updated in place by the trainer; a network is not thread-safe while
 * it trains. Inference from several threads is safe with one {@link Workspace} per thread and a
 * thread-safe engine.
 */
public final class Network {
    private final List<DenseLayer> layers;

    /** A network of the given layers (not copied), each layer's fan-in equal to the previous one's fan-out. */
    public Network(List<DenseLayer> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).in() != layers.get(l - 1).out()) {
                throw new IllegalArgumentException("layer " + l + " has fan-in " + layers.get(l).in()
                        + " but layer " + (l - 1) + " has fan-out " + layers.get(l - 1).out());
            }
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * A freshly initialised network with layer widths {@code sizes} (inputs, hidden..., classes): weights
     * drawn from N(0, 2/fan-in) (He et al., "Delving Deep into Rectifiers", ICCV 2015, eq. 10), biases 0.
     * The draws come from {@code KeyedRandom.stream(seed, 0, TRAINING, 0)}, layer by layer in storage order.
     */
    public static Network initialized(int[] sizes, long seed) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes needs at least inputs and outputs, got " + sizes.length
                    + " values");
        }
        UniformRandomProvider rng = KeyedRandom.stream(seed, 0, Purpose.TRAINING, Trainer.INSTANCE_INIT);
        NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        List<DenseLayer> out = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            DenseLayer d = new DenseLayer(sizes[l], sizes[l + 1]);
            double std = Math.sqrt(2.0 / sizes[l]);
            double[] w = d.weights();
            for (int i = 0; i < w.length; i++) {
                w[i] = std * z.sample();
            }
            out.add(d);
        }
        return new Network(out);
    }

    /**
     * The layer widths of a workload made only of dense layers (one MVM per inference each), chained: each
     * layer's {@code fan_in} equals the previous layer's {@code fan_out}.
     *
     * @throws IllegalArgumentException naming the workload and the layer that does not fit
     */
    public static int[] sizes(WorkloadSpec w) {
        List<LayerSpec> ls = w.layers();
        int[] sizes = new int[ls.size() + 1];
        for (int l = 0; l < ls.size(); l++) {
            LayerSpec s = ls.get(l);
            String where = "workload '" + w.id() + "' layer '" + s.name() + "' (index " + l + ")";
            if (!s.type().equals("dense") || s.mvms() != 1) {
                throw new IllegalArgumentException(where + ": only dense layers with one MVM per inference can be "
                        + "trained as a multilayer perceptron, got type " + s.type() + " with " + s.mvms() + " MVMs");
            }
            if (l > 0 && s.fanIn() != sizes[l]) {
                throw new IllegalArgumentException(where + ": fan_in " + s.fanIn()
                        + " does not match the previous layer's fan_out " + sizes[l]);
            }
            sizes[l] = s.fanIn();
            sizes[l + 1] = s.fanOut();
        }
        return sizes;
    }

    /** A freshly initialised network with the shape of a dense workload, as {@link #initialized}. */
    public static Network forWorkload(WorkloadSpec w, long seed) {
        return initialized(sizes(w), seed);
    }

    /** Number of dense layers. */
    public int depth() {
        return layers.size();
    }

    /** Layer {@code l}. */
    public DenseLayer layer(int l) {
        return layers.get(l);
    }

    /** The layers, first to last. */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** Input width. */
    public int inputs() {
        return layers.get(0).in();
    }

    /** Output width (classes). */
    public int outputs() {
        return layers.get(layers.size() - 1).out();
    }

    /** Layer widths: inputs, every layer's fan-out. */
    public int[] sizes() {
        int[] s = new int[layers.size() + 1];
        s[0] = inputs();
        for (int l = 0; l < layers.size(); l++) {
            s[l + 1] = layers.get(l).out();
        }
        return s;
    }

    /** Number of trainable parameters (weights and biases). */
    public long parameterCount() {
        long n = 0;
        for (DenseLayer d : layers) {
            n += d.weights().length + d.bias().length;
        }
        return n;
    }

    /** The parameter arrays in a fixed order: W0, b0, W1, b1, ... (live). */
    public double[][] parameters() {
        double[][] r = new double[2 * layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            r[2 * l] = layers.get(l).weights();
            r[2 * l + 1] = layers.get(l).bias();
        }
        return r;
    }

    /** A deep copy. */
    public Network copy() {
        List<DenseLayer> c = new ArrayList<>(layers.size());
        for (DenseLayer d : layers) {
            c.add(d.copy());
        }
        return new Network(c);
    }

    /** Buffers for batches of up to {@code maxBatch} examples. */
    public Workspace workspace(int maxBatch) {
        return new Workspace(this, maxBatch);
    }

    /**
     * The forward pass of a batch: for each layer {@code z = engine(a_prev) + b}, {@code a = relu(z)} (the
     * last layer's {@code z} are the logits). Overwrites the buffers of {@code ws}; reads {@code x}
     * ({@code batch * inputs()}, row-major). The logits are in {@link Workspace#logits()}.
     */
    public void forward(MvmEngine engine, double[] x, int batch, Workspace ws) {
        checkBatch(batch, ws);
        double[] in = x;
        int last = layers.size() - 1;
        for (int l = 0; l <= last; l++) {
            DenseLayer d = layers.get(l);
            d.forward(engine, l, in, batch, ws.z[l]);
            if (l < last) {
                Activations.relu(ws.z[l], batch * d.out(), ws.a[l]);
            }
            in = ws.a[l];
        }
    }

    /**
     * Back-propagates {@link Workspace#outputGradient()} (∂L/∂logits, filled by the caller) through the
     * batch of the last {@link #forward} on {@code ws}, whose input was {@code x}. Overwrites every array of
     * {@code grads} and the deltas of {@code ws}; the input gradient is not computed.
     */
    public void backward(double[] x, int batch, Workspace ws, Gradients grads) {
        checkBatch(batch, ws);
        for (int l = layers.size() - 1; l >= 0; l--) {
            DenseLayer d = layers.get(l);
            double[] in = l == 0 ? x : ws.a[l - 1];
            double[] dx = l == 0 ? null : ws.delta[l - 1];
            d.backward(in, ws.delta[l], batch, grads.dW[l], grads.db[l], dx);
            if (l > 0) {
                Activations.reluBackward(ws.z[l - 1], dx, batch * d.in(), dx);
            }
        }
    }

    private static void checkBatch(int batch, Workspace ws) {
        if (batch < 1 || batch > ws.maxBatch) {
            throw new IllegalArgumentException("batch must be in [1, " + ws.maxBatch + "], got " + batch);
        }
    }

    /**
     * Classifies every example of {@code data} with the given engine, in order, in batches of
     * {@code batchSize}. Writes the predicted class of example {@code i} into {@code predictions[i]} when
     * {@code predictions} is not null.
     *
     * @return the fraction of examples whose prediction equals their label
     */
    public double classify(Examples data, MvmEngine engine, int batchSize, int[] predictions) {
        if (data.features() != inputs()) {
            throw new IllegalArgumentException("the data has " + data.features() + " features, the network "
                    + inputs() + " inputs");
        }
        Workspace ws = workspace(batchSize);
        double[] x = new double[batchSize * inputs()];
        int[] labels = new int[batchSize];
        int classes = outputs();
        long correct = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            int n = Math.min(batchSize, data.size() - from);
            data.range(from, n, x, labels);
            forward(engine, x, n, ws);
            double[] logits = ws.logits();
            for (int r = 0; r < n; r++) {
                int p = argmax(logits, r * classes, classes);
                if (p == labels[r]) {
                    correct++;
                }
                if (predictions != null) {
                    predictions[from + r] = p;
                }
            }
        }
        return (double) correct / data.size();
    }

    /** The index of the largest of {@code n} values starting at {@code offset} (the first one on ties). */
    public static int argmax(double[] v, int offset, int n) {
        int best = 0;
        double bv = v[offset];
        for (int c = 1; c < n; c++) {
            if (v[offset + c] > bv) {
                bv = v[offset + c];
                best = c;
            }
        }
        return best;
    }
}
