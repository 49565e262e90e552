package org.aimc.sim.accuracy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a trained network's layer products look like compared with the analytic tier's operand model, which
 * takes the inputs and weights of a column as independent: per layer, the mean square of the weights
 * normalised to their column's largest magnitude, and the <em>signal correlation factor</em>
 * <pre>
 *   κ(m) = E[(Σ_{k in a block of m rows} a_k w_k)²] / (m E[a²] E[w²])
 * </pre>
 * over blocks of m consecutive rows (the tiling of the layer onto tiles of m rows), with the layer's real
 * inputs a and normalised weights w. For independent operands κ = 1 (up to the squared-mean term); in a
 * trained network neighbouring inputs (pixels, hidden units that fire together) and the weights that read
 * them are correlated, so the products add up coherently and κ is 2 to 5 in {@code fashion-mlp}. An error
 * that is independent from row to row (device noise, read noise, thermal noise, rounding) then has a
 * relative size 1/√κ of what the independent model says.
 *
 * <p>κ is tabulated at m = 2^{@value #LOG2_MIN} .. 2^{@value #LOG2_MAX} and interpolated linearly in log2 m;
 * blocks wider than the fan-in take the value of the whole fan-in.
 *
 * <p>Per layer and input precision B = 1 .. {@value #MAX_INPUT_BITS} it may also hold the <em>bit-serial range
 * ratio</em> ρ(B) = a_max / (E[x²] / x_max²) of the layer's B-bit input codes x (x_max = 2^B - 1): a_max the
 * largest, over the bits, of the probability that the bit is 1. With bit-serial inputs a converter whose range
 * follows the signal is sized on the per-bit conversions (a_max), while the layer output goes with the codes'
 * mean square, so its error relative to the output scales with ρ ({@link AccuracySurrogate}). Immutable.
 */
public final class WorkloadSignal implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Smallest and largest tabulated block, as log2 of the rows. */
    public static final int LOG2_MIN = 3;
    public static final int LOG2_MAX = 11;
    /** Largest input precision of the bit-serial range ratios (the DAC's limit). */
    public static final int MAX_INPUT_BITS = 16;

    /**
     * One layer: fan-in, weight mean square (|w| ≤ 1), κ at m = 2^LOG2_MIN .. 2^LOG2_MAX, and the bit-serial
     * range ratios ρ(B) at B = 1 .. {@value #MAX_INPUT_BITS} (empty: not measured).
     */
    public record Layer(int fanIn, double weightMeanSquare, List<Double> kappa, List<Double> bitSerialRatio)
            implements Serializable {
        /** A layer without bit-serial range ratios. */
        public Layer(int fanIn, double weightMeanSquare, List<Double> kappa) {
            this(fanIn, weightMeanSquare, kappa, List.of());
        }

        public Layer {
            if (fanIn < 1) {
                throw new IllegalArgumentException("fan-in must be >= 1, got " + fanIn);
            }
            if (!(weightMeanSquare > 0 && weightMeanSquare <= 1)) {
                throw new IllegalArgumentException("weight mean square must be in (0, 1], got " + weightMeanSquare);
            }
            if (kappa.size() != LOG2_MAX - LOG2_MIN + 1) {
                throw new IllegalArgumentException("need " + (LOG2_MAX - LOG2_MIN + 1) + " kappa values, got "
                        + kappa.size());
            }
            for (double k : kappa) {
                if (!(k > 0) || Double.isInfinite(k)) {
                    throw new IllegalArgumentException("kappa must be positive and finite, got " + k);
                }
            }
            kappa = List.copyOf(kappa);
            if (!bitSerialRatio.isEmpty() && bitSerialRatio.size() != MAX_INPUT_BITS) {
                throw new IllegalArgumentException("need " + MAX_INPUT_BITS + " bit-serial range ratios (1 .. "
                        + MAX_INPUT_BITS + " input bits) or none, got " + bitSerialRatio.size());
            }
            for (double r : bitSerialRatio) {
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException("bit-serial range ratio must be positive and finite, got " + r);
                }
            }
            bitSerialRatio = List.copyOf(bitSerialRatio);
        }

        /** True when the bit-serial range ratios were measured. */
        public boolean hasBitSerialRatio() {
            return !bitSerialRatio.isEmpty();
        }

        /** ρ(B) of {@code inputBits}-bit codes (1 .. {@value #MAX_INPUT_BITS}); requires {@link #hasBitSerialRatio}. */
        public double bitSerialRatio(int inputBits) {
            return bitSerialRatio.get(inputBits - 1);
        }

        /** κ of blocks of {@code rows} rows (at most the fan-in). */
        public double kappa(int rows) {
            double x = Math.log(Math.min(Math.max(rows, 1), fanIn)) / Math.log(2) - LOG2_MIN;
            if (x <= 0) {
                return kappa.get(0);
            }
            int n = kappa.size() - 1;
            if (x >= n) {
                return kappa.get(n);
            }
            int i = (int) x;
            double t = x - i;
            return (1 - t) * kappa.get(i) + t * kappa.get(i + 1);
        }
    }

    private final List<Layer> layers;

    public WorkloadSignal(List<Layer> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a workload signal needs at least one layer");
        }
        this.layers = List.copyOf(layers);
    }

    public List<Layer> layers() {
        return layers;
    }

    /** True when every layer holds its bit-serial range ratios. */
    public boolean hasBitSerialRatios() {
        for (Layer l : layers) {
            if (!l.hasBitSerialRatio()) {
                return false;
            }
        }
        return true;
    }

    /**
     * This signal with the bit-serial range ratios {@code ratios[layer][B - 1]}, B = 1 .. {@value #MAX_INPUT_BITS}
     * (for instance {@code org.aimc.sim.hw.LayerStatistics.bitSerialRatios}).
     */
    public WorkloadSignal withBitSerialRatios(double[][] ratios) {
        if (ratios.length != layers.size()) {
            throw new IllegalArgumentException("need the ratios of every layer (" + layers.size() + "), got "
                    + ratios.length);
        }
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < ratios.length; i++) {
            Layer l = layers.get(i);
            List<Double> r = new ArrayList<>();
            for (double v : ratios[i]) {
                r.add(v);
            }
            out.add(new Layer(l.fanIn(), l.weightMeanSquare(), l.kappa(), r));
        }
        return new WorkloadSignal(out);
    }

    /**
     * Text lines ({@code signal_layer<TAB>fan_in<TAB>weight_mean_square<TAB>kappa...[<TAB>bit-serial ratio...]}),
     * exact numbers.
     */
    public List<String> toLines() {
        List<String> out = new ArrayList<>();
        for (Layer l : layers) {
            StringBuilder sb = new StringBuilder("signal_layer\t").append(l.fanIn()).append('\t')
                    .append(l.weightMeanSquare());
            for (double k : l.kappa()) {
                sb.append('\t').append(k);
            }
            for (double r : l.bitSerialRatio()) {
                sb.append('\t').append(r);
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Parses one line of {@link #toLines()}. */
    static Layer parseLine(String line) {
        String[] f = line.split("\t", -1);
        int kappas = LOG2_MAX - LOG2_MIN + 1;
        if ((f.length != 3 + kappas && f.length != 3 + kappas + MAX_INPUT_BITS) || !f[0].equals("signal_layer")) {
            throw new IllegalArgumentException("expected 'signal_layer', fan-in, weight mean square, " + kappas
                    + " kappa values and optionally " + MAX_INPUT_BITS + " bit-serial range ratios, tab-separated");
        }
        List<Double> k = new ArrayList<>();
        for (int i = 3; i < 3 + kappas; i++) {
            k.add(Double.parseDouble(f[i]));
        }
        List<Double> r = new ArrayList<>();
        for (int i = 3 + kappas; i < f.length; i++) {
            r.add(Double.parseDouble(f[i]));
        }
        return new Layer(Integer.parseInt(f[1]), Double.parseDouble(f[2]), k, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkloadSignal w && w.layers.equals(layers);
    }

    @Override
    public int hashCode() {
        return layers.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("WorkloadSignal[");
        for (Layer l : layers) {
            sb.append("fan-in ").append(l.fanIn()).append(": w2 ").append(String.format("%.3f", l.weightMeanSquare()))
                    .append(" kappa(256) ").append(String.format("%.2f", l.kappa(256)));
            if (l.hasBitSerialRatio()) {
                sb.append(" bit-serial ratio(8) ").append(String.format("%.3f", l.bitSerialRatio(8)));
            }
            sb.append("; ");
        }
        return sb.append(']').toString();
    }
}
