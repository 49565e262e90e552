package org.aimc.sim.crossbar;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;

/**
 * Direct kernel: the whole nodal matrix (upper triangle) in a {@link NestedDissection} order, factorized by
 * EJML's up-looking sparse Cholesky. The factor serves any number of right-hand sides; a refactorization
 * with new cell conductances (Newton) reuses the symbolic analysis, the pattern being fixed by the cells
 * that conduct. Handles every network the iterative kernel does not (open lines) and is its fallback.
 */
final class DirectKernel implements LinearKernel {
    private final Network net;
    private final int nA;
    private final int unknowns;
    /** Matrix index of every node of A then B, -1 for fixed nodes. */
    private final int[] pos;
    /** Node (A: 0..nA-1, B: nA + b) at each matrix index. */
    private final int[] node;
    private final CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
    private double[] work;

    DirectKernel(Network net) {
        this.net = net;
        this.nA = net.sizeA();
        int nB = net.sizeB();
        int total = nA + nB;
        int[] ci = new int[total];
        int[] cj = new int[total];
        boolean[] rowLayer = new boolean[total];
        boolean[] placed = new boolean[total];
        boolean[] unknown = new boolean[total];
        int m = net.m;
        int n = net.n;
        for (int a = 0; a < nA; a++) {
            rowLayer[a] = true;
            unknown[a] = !net.rowsA.fixed(a);
            placed[a] = !net.rowLumped;
            ci[a] = a % m;
            cj[a] = a / m;
        }
        for (int b = 0; b < nB; b++) {
            unknown[nA + b] = !net.colsB.fixed(b);
            placed[nA + b] = !net.colLumped;
            ci[nA + b] = m - 1 - b / n;
            cj[nA + b] = b % n;
        }
        int[] order = NestedDissection.order(ci, cj, rowLayer, placed);
        this.pos = new int[total];
        java.util.Arrays.fill(pos, -1);
        int count = 0;
        for (int o : order) {
            if (unknown[o]) {
                pos[o] = count++;
            }
        }
        if (count > CrossbarTolerances.DIRECT_MAX_UNKNOWNS) {
            throw new CrossbarException("the direct solver accepts at most " + CrossbarTolerances.DIRECT_MAX_UNKNOWNS
                    + " unknown node potentials, this network has " + count);
        }
        this.unknowns = count;
        this.node = new int[count];
        for (int k = 0; k < total; k++) {
            if (pos[k] >= 0) {
                node[pos[k]] = k;
            }
        }
    }

    @Override
    public String method() {
        return "nested-dissection-cholesky";
    }

    /** Nonzeros of the last Cholesky factor. */
    int factorNonzeros() {
        return chol.getL().nz_length;
    }

    @Override
    public void factor(double[] cellG) {
        DMatrixSparseCSC a = assemble(cellG);
        if (!chol.decompose(a)) {
            throw new CrossbarException("the nodal matrix is not positive definite: part of the network floats "
                    + "or its conductances span too many decades for double precision");
        }
        chol.setStructureLocked(true);
    }

    /** Upper triangle of the nodal matrix in CSC, columns in elimination order. */
    private DMatrixSparseCSC assemble(double[] cellG) {
        double[] loadsA = new double[nA];
        double[] loadsB = new double[net.sizeB()];
        net.loads(cellG, loadsA, loadsB);
        // adjacency of every unknown node: count, then fill
        int[] deg = new int[unknowns];
        forEachEdge(cellG, (p, q, v) -> {
            deg[Math.max(p, q)]++;
        });
        int[] colIdx = new int[unknowns + 1];
        for (int c = 0; c < unknowns; c++) {
            colIdx[c + 1] = colIdx[c] + deg[c] + 1;
        }
        int nnz = colIdx[unknowns];
        int[] rows = new int[nnz];
        double[] vals = new double[nnz];
        int[] fill = new int[unknowns];
        forEachEdge(cellG, (p, q, v) -> {
            int c = Math.max(p, q);
            int k = colIdx[c] + fill[c]++;
            rows[k] = Math.min(p, q);
            vals[k] = v;
        });
        for (int c = 0; c < unknowns; c++) {
            int id = node[c];
            double d = id < nA ? net.rowsA.wireDiagonal(id) + loadsA[id]
                    : net.colsB.wireDiagonal(id - nA) + loadsB[id - nA];
            int k = colIdx[c] + fill[c]++;
            rows[k] = c;
            vals[k] = d;
            sortColumn(rows, vals, colIdx[c], colIdx[c + 1]);
        }
        DMatrixSparseCSC a = new DMatrixSparseCSC(unknowns, unknowns, nnz);
        System.arraycopy(colIdx, 0, a.col_idx, 0, unknowns + 1);
        System.arraycopy(rows, 0, a.nz_rows, 0, nnz);
        System.arraycopy(vals, 0, a.nz_values, 0, nnz);
        a.nz_length = nnz;
        a.indicesSorted = true;
        return a;
    }

    private static void sortColumn(int[] rows, double[] vals, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            int r = rows[i];
            double v = vals[i];
            int k = i - 1;
            while (k >= lo && rows[k] > r) {
                rows[k + 1] = rows[k];
                vals[k + 1] = vals[k];
                k--;
            }
            rows[k + 1] = r;
            vals[k + 1] = v;
        }
    }

    private interface EdgeSink {
        void edge(int p, int q, double value);
    }

    /** Every off-diagonal entry between two unknown nodes, once (matrix indices, value = -conductance). */
    private void forEachEdge(double[] cellG, EdgeSink sink) {
        int m = net.m;
        int n = net.n;
        LineSet ra = net.rowsA;
        for (int a = 0; a + m < nA; a++) {
            int p = pos[a];
            int q = pos[a + m];
            if (p >= 0 && q >= 0) {
                sink.edge(p, q, -ra.segG);
            }
        }
        LineSet cb = net.colsB;
        int nB = net.sizeB();
        for (int b = 0; b + n < nB; b++) {
            int p = pos[nA + b];
            int q = pos[nA + b + n];
            if (p >= 0 && q >= 0) {
                sink.edge(p, q, -cb.segG);
            }
        }
        Crossbar xb = net.xb;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (!xb.conducts(i, j)) {
                    continue;
                }
                int p = pos[net.idxA(i, j)];
                int q = pos[nA + net.idxB(i, j)];
                if (p >= 0 && q >= 0) {
                    sink.edge(p, q, -cellG[i * n + j]);
                }
            }
        }
    }

    @Override
    public int solve(double[] rA, double[] rB, double[] xA, double[] xB, double vScale) {
        if (work == null) {
            work = new double[unknowns];
        }
        for (int c = 0; c < unknowns; c++) {
            int id = node[c];
            work[c] = id < nA ? rA[id] : rB[id - nA];
        }
        DMatrixSparseCSC l = chol.getL();
        TriangularSolver_DSCC.solveL(l, work);
        TriangularSolver_DSCC.solveTranL(l, work);
        for (int a = 0; a < nA; a++) {
            int p = pos[a];
            xA[a] = p >= 0 ? work[p] : 0;
        }
        int nB = net.sizeB();
        for (int b = 0; b < nB; b++) {
            int p = pos[nA + b];
            xB[b] = p >= 0 ? work[p] : 0;
        }
        return 1;
    }
}
