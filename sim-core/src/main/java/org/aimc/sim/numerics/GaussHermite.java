package org.aimc.sim.numerics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gauss–Hermite quadrature for expectations over a standard normal variable: E[f(Z)] ≈ sum_j w_j f(z_j),
 * exact for polynomials of degree up to 2n - 1. Nodes and weights by the Golub–Welsch algorithm (G. H.
 * Golub, J. H. Welsch, "Calculation of Gauss quadrature rules", Math. Comp. 23, 1969): the nodes are the
 * eigenvalues of the Jacobi matrix of the probabilists' Hermite polynomials (off-diagonal sqrt(k)), the
 * weights the squared first components of its normalised eigenvectors. Immutable.
 */
public final class GaussHermite {
    private final double[] nodes;
    private final double[] weights;

    /** The rule with {@code n} nodes, 1..64. */
    public GaussHermite(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("Gauss-Hermite nodes must be in [1, 64], got " + n);
        }
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int k = 1; k < n; k++) {
            j.set(k - 1, k, Math.sqrt(k));
            j.set(k, k - 1, Math.sqrt(k));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(j)) {
            throw new IllegalStateException("eigen decomposition of the Jacobi matrix failed");
        }
        nodes = new double[n];
        weights = new double[n];
        for (int k = 0; k < n; k++) {
            nodes[k] = eig.getEigenvalue(k).getReal();
            DMatrixRMaj v = eig.getEigenVector(k);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v.get(i, 0) * v.get(i, 0);
            }
            weights[k] = v.get(0, 0) * v.get(0, 0) / norm;
        }
    }

    public int size() {
        return nodes.length;
    }

    /** Node j (in units of the standard deviation). */
    public double node(int j) {
        return nodes[j];
    }

    /** Weight j (the weights sum to 1). */
    public double weight(int j) {
        return weights[j];
    }
}
