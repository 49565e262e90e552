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
 * blocks wider than the fan-in take the value of the whole fan-in. Immutable.
 */
public final class WorkloadSignal implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Smallest and largest tabulated block, as log2 of the rows. */
    public static final int LOG2_MIN = 3;
    public static final int LOG2_MAX = 11;

    /** One layer: fan-in, weight mean square (|w| ≤ 1) and κ at m = 2^LOG2_MIN .. 2^LOG2_MAX. */
    public record Layer(int fanIn, double weightMeanSquare, List<Double> kappa) implements Serializable {
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

    /** Text lines ({@code signal_layer<TAB>fan_in<TAB>weight_mean_square<TAB>kappa...}), exact numbers. */
    public List<String> toLines() {
        List<String> out = new ArrayList<>();
        for (Layer l : layers) {
            StringBuilder sb = new StringBuilder("signal_layer\t").append(l.fanIn()).append('\t')
                    .append(l.weightMeanSquare());
            for (double k : l.kappa()) {
                sb.append('\t').append(k);
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Parses one line of {@link #toLines()}. */
    static Layer parseLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 3 + LOG2_MAX - LOG2_MIN + 1 || !f[0].equals("signal_layer")) {
            throw new IllegalArgumentException("expected 'signal_layer', fan-in, weight mean square and "
                    + (LOG2_MAX - LOG2_MIN + 1) + " kappa values, tab-separated");
        }
        List<Double> k = new ArrayList<>();
        for (int i = 3; i < f.length; i++) {
            k.add(Double.parseDouble(f[i]));
        }
        return new Layer(Integer.parseInt(f[1]), Double.parseDouble(f[2]), k);
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
                    .append(" kappa(256) ").append(String.format("%.2f", l.kappa(256))).append("; ");
        }
        return sb.append(']').toString();
    }
}
