package org.aimc.sim.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aimc.sim.numerics.KeyedRandom;
import org.aimc.sim.numerics.Purpose;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The dense kernels against EJML's products, with shapes that exercise every remainder path. */
class KernelsTest {
    private static double[] random(UniformRandomProvider r, int n, double zeroFraction) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < zeroFraction ? 0 : 2 * r.nextDouble() - 1;
        }
        return v;
    }

    private static void close(DMatrixRMaj ref, double[] got) {
        for (int i = 0; i < ref.getNumElements(); i++) {
            assertEquals(ref.get(i), got[i], 1e-12 * (1 + Math.abs(ref.get(i))), "element " + i);
        }
    }

    @Test
    void productsMatchEjmlForAllRemainders() {
        UniformRandomProvider r = KeyedRandom.stream(3, 0, Purpose.DATA, 0);
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {4, 8, 4}, {7, 13, 6}, {9, 6, 11}, {16, 784 / 16, 10}, {5, 2, 3}};
        for (int[] s : shapes) {
            int batch = s[0];
            int in = s[1];
            int out = s[2];
            double[] x = random(r, batch * in, 0.4);
            double[] w = random(r, in * out, 0.0);
            double[] d = random(r, batch * out, 0.1);
            DMatrixRMaj mx = DMatrixRMaj.wrap(batch, in, x);
            DMatrixRMaj mw = DMatrixRMaj.wrap(in, out, w);
            DMatrixRMaj md = DMatrixRMaj.wrap(batch, out, d);

            double[] y = new double[batch * out + 3];
            y[batch * out] = 42;
            Kernels.multiply(x, batch, in, w, out, y);
            DMatrixRMaj ref = new DMatrixRMaj(batch, out);
            CommonOps_DDRM.mult(mx, mw, ref);
            close(ref, y);
            assertEquals(42, y[batch * out], "writes beyond batch * out");

            double[] g = new double[in * out];
            java.util.Arrays.fill(g, 9);
            Kernels.multiplyTransA(x, batch, in, d, out, g);
            DMatrixRMaj gref = new DMatrixRMaj(in, out);
            CommonOps_DDRM.multTransA(mx, md, gref);
            close(gref, g);

            double[] dx = new double[batch * in];
            Kernels.multiplyTransB(d, batch, out, w, in, dx);
            DMatrixRMaj xref = new DMatrixRMaj(batch, in);
            CommonOps_DDRM.multTransB(md, mw, xref);
            close(xref, dx);
        }
    }

    @Test
    void aRowsProductDoesNotDependOnItsPlaceInTheBatch() {
        UniformRandomProvider r = KeyedRandom.stream(4, 0, Purpose.DATA, 0);
        int batch = 7;
        int in = 30;
        int out = 9;
        double[] x = random(r, batch * in, 0.5);
        double[] w = random(r, in * out, 0.0);
        double[] y = new double[batch * out];
        Kernels.multiply(x, batch, in, w, out, y);
        for (int b = 0; b < batch; b++) {
            double[] row = java.util.Arrays.copyOfRange(x, b * in, (b + 1) * in);
            double[] yr = new double[out];
            Kernels.multiply(row, 1, in, w, out, yr);
            assertArrayEquals(java.util.Arrays.copyOfRange(y, b * out, (b + 1) * out), yr, 0.0, "row " + b);
        }
    }
}
