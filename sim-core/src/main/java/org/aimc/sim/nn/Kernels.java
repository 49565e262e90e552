package org.aimc.sim.nn;

import java.util.Arrays;

/**
 * Row-major dense kernels of the training and inference hot paths, on plain arrays. A batch of vectors is
 * stored one vector per row ({@code x[b * n + k]}); a layer's weights are stored with one row per input and
 * one column per output ({@code w[k * out + j]}), the orientation of a crossbar tile (inputs drive rows,
 * outputs are column sums).
 *
 * <p>The loops are ordered so the innermost one runs over contiguous memory (the JIT vectorises it) and
 * skip exact zeros of the left operand (image background pixels, inactive ReLUs); every result is computed
 * in a fixed order, so it is bit-for-bit reproducible. Register blocking (four batch rows by four inputs)
 * cuts the loads and stores per multiply-add; skipping a block whose inputs are all zero leaves the
 * result unchanged (adding +0 or -0 to a sum that started at +0 never changes it).
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * {@code y = x · w}: {@code y[b, j] = Σ_k x[b, k] w[k, j]} for {@code b < batch}. Overwrites the first
     * {@code batch * out} entries of {@code y}; reads {@code x} and {@code w}.
     *
     * <p>Each output is accumulated over groups of four inputs, {@code y += x0 w0 + x1 w1 + x2 w2 + x3 w3}
     * (then single inputs for the last {@code in mod 4}), in the same order for every row, so a row's result
     * does not depend on its position in the batch. Four rows share each pass over four weight rows.
     */
    static void multiply(double[] x, int batch, int in, double[] w, int out, double[] y) {
        Arrays.fill(y, 0, batch * out, 0.0);
        int k4 = in & ~3;
        int b = 0;
        for (; b + 4 <= batch; b += 4) {
            int x0 = b * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            int y0 = b * out;
            int y1 = y0 + out;
            int y2 = y1 + out;
            int y3 = y2 + out;
            for (int k = 0; k < k4; k += 4) {
                double a0 = x[x0 + k];
                double a1 = x[x0 + k + 1];
                double a2 = x[x0 + k + 2];
                double a3 = x[x0 + k + 3];
                double b0 = x[x1 + k];
                double b1 = x[x1 + k + 1];
                double b2 = x[x1 + k + 2];
                double b3 = x[x1 + k + 3];
                double c0 = x[x2 + k];
                double c1 = x[x2 + k + 1];
                double c2 = x[x2 + k + 2];
                double c3 = x[x2 + k + 3];
                double d0 = x[x3 + k];
                double d1 = x[x3 + k + 1];
                double d2 = x[x3 + k + 2];
                double d3 = x[x3 + k + 3];
                if (zero(a0, a1, a2, a3) && zero(b0, b1, b2, b3) && zero(c0, c1, c2, c3) && zero(d0, d1, d2, d3)) {
                    continue;
                }
                int w0 = k * out;
                int w1 = w0 + out;
                int w2 = w1 + out;
                int w3 = w2 + out;
                for (int j = 0; j < out; j++) {
                    double p = w[w0 + j];
                    double q = w[w1 + j];
                    double r = w[w2 + j];
                    double s = w[w3 + j];
                    y[y0 + j] += a0 * p + a1 * q + a2 * r + a3 * s;
                    y[y1 + j] += b0 * p + b1 * q + b2 * r + b3 * s;
                    y[y2 + j] += c0 * p + c1 * q + c2 * r + c3 * s;
                    y[y3 + j] += d0 * p + d1 * q + d2 * r + d3 * s;
                }
            }
            for (int k = k4; k < in; k++) {
                axpy(x[x0 + k], w, k * out, y, y0, out);
                axpy(x[x1 + k], w, k * out, y, y1, out);
                axpy(x[x2 + k], w, k * out, y, y2, out);
                axpy(x[x3 + k], w, k * out, y, y3, out);
            }
        }
        for (; b < batch; b++) {
            int xo = b * in;
            int yo = b * out;
            for (int k = 0; k < k4; k += 4) {
                quadAxpy(x[xo + k], x[xo + k + 1], x[xo + k + 2], x[xo + k + 3], w, k * out, out, y, yo);
            }
            for (int k = k4; k < in; k++) {
                axpy(x[xo + k], w, k * out, y, yo, out);
            }
        }
    }

    /**
     * {@code g = xᵀ · d}: {@code g[k, j] = Σ_b x[b, k] d[b, j]} (the weight gradient of a dense layer).
     * Overwrites the first {@code in * out} entries of {@code g}; reads {@code x} and {@code d}.
     *
     * <p>Sums over groups of four batch rows ({@code g += x0 d0 + x1 d1 + x2 d2 + x3 d3}, then single rows
     * for the last {@code batch mod 4}); two weight rows share each pass over four rows of {@code d}.
     */
    static void multiplyTransA(double[] x, int batch, int in, double[] d, int out, double[] g) {
        Arrays.fill(g, 0, in * out, 0.0);
        int b4 = batch & ~3;
        int k = 0;
        for (; k + 2 <= in; k += 2) {
            int g0 = k * out;
            int g1 = g0 + out;
            for (int b = 0; b < b4; b += 4) {
                int r0 = b * in + k;
                int r1 = r0 + in;
                int r2 = r1 + in;
                int r3 = r2 + in;
                double a0 = x[r0];
                double a1 = x[r1];
                double a2 = x[r2];
                double a3 = x[r3];
                double c0 = x[r0 + 1];
                double c1 = x[r1 + 1];
                double c2 = x[r2 + 1];
                double c3 = x[r3 + 1];
                if (zero(a0, a1, a2, a3) && zero(c0, c1, c2, c3)) {
                    continue;
                }
                int d0 = b * out;
                int d1 = d0 + out;
                int d2 = d1 + out;
                int d3 = d2 + out;
                for (int j = 0; j < out; j++) {
                    double p = d[d0 + j];
                    double q = d[d1 + j];
                    double r = d[d2 + j];
                    double s = d[d3 + j];
                    g[g0 + j] += a0 * p + a1 * q + a2 * r + a3 * s;
                    g[g1 + j] += c0 * p + c1 * q + c2 * r + c3 * s;
                }
            }
            for (int b = b4; b < batch; b++) {
                axpy(x[b * in + k], d, b * out, g, g0, out);
                axpy(x[b * in + k + 1], d, b * out, g, g1, out);
            }
        }
        for (; k < in; k++) {
            int g0 = k * out;
            for (int b = 0; b < b4; b += 4) {
                int r0 = b * in + k;
                quadAxpy(x[r0], x[r0 + in], x[r0 + 2 * in], x[r0 + 3 * in], d, b * out, out, g, g0);
            }
            for (int b = b4; b < batch; b++) {
                axpy(x[b * in + k], d, b * out, g, g0, out);
            }
        }
    }

    /**
     * {@code y[yo + j] += c0 s0[j] + c1 s1[j] + c2 s2[j] + c3 s3[j]} for {@code j < n}, where {@code s_q} is
     * row q of four consecutive rows of length {@code n} starting at {@code src[so]}; does nothing when all
     * four coefficients are zero.
     */
    static void quadAxpy(double c0, double c1, double c2, double c3, double[] src, int so, int n, double[] y,
            int yo) {
        if (zero(c0, c1, c2, c3)) {
            return;
        }
        int s1 = so + n;
        int s2 = s1 + n;
        int s3 = s2 + n;
        for (int j = 0; j < n; j++) {
            y[yo + j] += c0 * src[so + j] + c1 * src[s1 + j] + c2 * src[s2 + j] + c3 * src[s3 + j];
        }
    }

    private static boolean zero(double a, double b, double c, double d) {
        return a == 0 && b == 0 && c == 0 && d == 0;
    }

    /**
     * {@code r = d · wᵀ}: {@code r[b, k] = Σ_j d[b, j] w[k, j]} (the input gradient of a dense layer).
     * Overwrites the first {@code batch * in} entries of {@code r}; reads {@code d} and {@code w}.
     */
    static void multiplyTransB(double[] d, int batch, int out, double[] w, int in, double[] r) {
        for (int b = 0; b < batch; b++) {
            int dOff = b * out;
            int rOff = b * in;
            for (int k = 0; k < in; k++) {
                int wo = k * out;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int j = 0;
                for (; j + 4 <= out; j += 4) {
                    s0 += d[dOff + j] * w[wo + j];
                    s1 += d[dOff + j + 1] * w[wo + j + 1];
                    s2 += d[dOff + j + 2] * w[wo + j + 2];
                    s3 += d[dOff + j + 3] * w[wo + j + 3];
                }
                for (; j < out; j++) {
                    s0 += d[dOff + j] * w[wo + j];
                }
                r[rOff + k] = (s0 + s1) + (s2 + s3);
            }
        }
    }

    /** {@code y[yo + j] += a * x[xo + j]} for {@code j < n}; does nothing when {@code a == 0}. */
    static void axpy(double a, double[] x, int xo, double[] y, int yo, int n) {
        if (a == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            y[yo + j] += a * x[xo + j];
        }
    }
}
