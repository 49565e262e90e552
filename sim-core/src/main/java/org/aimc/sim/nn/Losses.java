package org.aimc.sim.nn;

/** Loss functions of classification training, on caller-owned arrays. */
public final class Losses {
    private Losses() {
    }

    /**
     * Softmax cross-entropy of a batch of logits: {@code L = (1/batch) Σ_b [log Σ_c e^{z[b,c]} - z[b, y_b]]},
     * computed stably (each row shifted by its maximum). Writes {@code ∂L/∂z = (softmax(z) - onehot(y)) / batch}
     * into the first {@code batch * classes} entries of {@code grad} (which may be {@code logits}) when it
     * is not null. Uses {@link StrictMath} so the result is the same on every platform.
     *
     * @param logits row-major, {@code batch * classes}; not modified unless it is {@code grad}
     * @param labels class of each row, in {@code [0, classes)}
     * @return the mean loss over the batch (natural log)
     */
    public static double softmaxCrossEntropy(double[] logits, int[] labels, int batch, int classes, double[] grad) {
        double total = 0;
        double inv = 1.0 / batch;
        for (int b = 0; b < batch; b++) {
            int o = b * classes;
            int y = labels[b];
            if (y < 0 || y >= classes) {
                throw new IllegalArgumentException("label " + y + " of row " + b + " is outside [0, " + classes + ")");
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[o + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += StrictMath.exp(logits[o + c] - max);
            }
            double logSum = StrictMath.log(sum) + max;
            total += logSum - logits[o + y];
            if (grad != null) {
                for (int c = 0; c < classes; c++) {
                    double p = StrictMath.exp(logits[o + c] - logSum);
                    grad[o + c] = (c == y ? p - 1.0 : p) * inv;
                }
            }
        }
        return total * inv;
    }
}
