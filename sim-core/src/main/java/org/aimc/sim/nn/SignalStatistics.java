package org.aimc.sim.nn;

import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.accuracy.WorkloadSignal;

/**
 * Measures a trained network's {@link WorkloadSignal}: each layer's normalised weight mean square and its
 * signal correlation factor κ(m) over blocks of m consecutive input rows, from the layer inputs the exact
 * network produces on a set of examples (use training examples).
 */
public final class SignalStatistics {
    private SignalStatistics() {
    }

    /** The signal statistics of {@code net} on the first {@code count} examples of {@code data}. */
    public static WorkloadSignal measure(Network net, Examples data, int count) {
        if (count < 1 || count > data.size()) {
            throw new IllegalArgumentException("count must be in [1, " + data.size() + "], got " + count);
        }
        int depth = net.depth();
        int tables = WorkloadSignal.LOG2_MAX - WorkloadSignal.LOG2_MIN + 1;
        double[][] blockSq = new double[depth][tables];
        long[][] blocks = new long[depth][tables];
        double[] wholeSq = new double[depth];
        double[] inputSq = new double[depth];
        long[] inputs = new long[depth];
        long[] wholes = new long[depth];
        double[][] normalised = new double[depth][];
        double[] weightSq = new double[depth];
        for (int l = 0; l < depth; l++) {
            DenseLayer d = net.layer(l);
            int in = d.in();
            int out = d.out();
            double[] w = d.weights();
            double[] max = new double[out];
            for (int k = 0; k < in; k++) {
                for (int j = 0; j < out; j++) {
                    max[j] = Math.max(max[j], Math.abs(w[k * out + j]));
                }
            }
            double[] wn = new double[w.length];
            double s = 0;
            for (int k = 0; k < in; k++) {
                for (int j = 0; j < out; j++) {
                    wn[k * out + j] = max[j] > 0 ? w[k * out + j] / max[j] : 0;
                    s += wn[k * out + j] * wn[k * out + j];
                }
            }
            normalised[l] = wn;
            weightSq[l] = s / w.length;
        }
        int finest = 1 << WorkloadSignal.LOG2_MIN;
        MvmEngine recorder = (layer, dense, x, batch, y) -> {
            int in = dense.in();
            int out = dense.out();
            double[] wn = normalised[layer];
            int nb = in / finest;
            double[] part = new double[Math.max(nb, 1) * out];
            double[] whole = new double[out];
            for (int b = 0; b < batch; b++) {
                java.util.Arrays.fill(part, 0);
                java.util.Arrays.fill(whole, 0);
                for (int k = 0; k < in; k++) {
                    double a = x[b * in + k];
                    inputSq[layer] += a * a;
                    if (a == 0) {
                        continue;
                    }
                    int blk = k / finest;
                    int wo = k * out;
                    if (blk < nb) {
                        int po = blk * out;
                        for (int j = 0; j < out; j++) {
                            part[po + j] += a * wn[wo + j];
                        }
                    }
                    for (int j = 0; j < out; j++) {
                        whole[j] += a * wn[wo + j];
                    }
                }
                inputs[layer] += in;
                for (int j = 0; j < out; j++) {
                    wholeSq[layer] += whole[j] * whole[j];
                }
                wholes[layer] += out;
                // blocks of 2^t rows from pairs of blocks of 2^(t-1), full blocks only
                int n = nb;
                for (int t = 0; t < tables && n >= 1; t++) {
                    for (int i = 0; i < n * out; i++) {
                        blockSq[layer][t] += part[i] * part[i];
                    }
                    blocks[layer][t] += (long) n * out;
                    int half = n / 2;
                    for (int i = 0; i < half; i++) {
                        for (int j = 0; j < out; j++) {
                            part[i * out + j] = part[2 * i * out + j] + part[(2 * i + 1) * out + j];
                        }
                    }
                    n = half;
                }
            }
            MvmEngine.DIGITAL.multiply(layer, dense, x, batch, y);
        };
        net.classify(data.head(count), recorder, Math.min(256, count), null);
        List<WorkloadSignal.Layer> out = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            int in = net.layer(l).in();
            double ea2 = inputSq[l] / inputs[l];
            double wholeKappa = (wholeSq[l] / wholes[l]) / (in * ea2 * weightSq[l]);
            List<Double> k = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                int m = finest << t;
                if (m >= in || blocks[l][t] == 0) {
                    k.add(wholeKappa);
                } else {
                    k.add((blockSq[l][t] / blocks[l][t]) / (m * ea2 * weightSq[l]));
                }
            }
            out.add(new WorkloadSignal.Layer(in, weightSq[l], k));
        }
        return new WorkloadSignal(out);
    }
}
