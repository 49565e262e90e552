package org.aimc.sim.crossbar;

/**
 * Fill-reducing elimination order for the two-layer crossbar grid. Only row-line wires join nodes of
 * different columns and only column-line wires join nodes of different rows, so in any subset of the
 * grid the row-line nodes at column c separate the columns left of c from those right of it (the column-line
 * nodes of column c then hang on the separator alone), and the column-line nodes at row r separate the rows
 * above r from those below. Recursive bisection along the longer side with these one-layer separators
 * (George, "Nested dissection of a regular finite element mesh", SIAM J. Numer. Anal. 10, 1973) orders each
 * separator after the two halves it splits. Nodes of a lumped layer (one node per line) have no position;
 * they are ordered last.
 */
final class NestedDissection {
    private final int[] ci;
    private final int[] cj;
    private final boolean[] rowLayer;
    private final int[] ids;
    private final int[] tmp;
    private final int[] order;
    private int emitted;

    private NestedDissection(int[] ci, int[] cj, boolean[] rowLayer, int[] ids) {
        this.ci = ci;
        this.cj = cj;
        this.rowLayer = rowLayer;
        this.ids = ids;
        this.tmp = new int[ids.length];
        this.order = new int[ids.length];
    }

    /**
     * Elimination order of nodes {@code 0..count-1}.
     *
     * @param ci       row coordinate of each node (ignored when {@code placed[k]} is false)
     * @param cj       column coordinate of each node
     * @param rowLayer true for a row-line node, false for a column-line node
     * @param placed   false for nodes without a position (lumped lines), which go last
     * @return {@code order[p]} = node eliminated p-th
     */
    static int[] order(int[] ci, int[] cj, boolean[] rowLayer, boolean[] placed) {
        int count = placed.length;
        int nPlaced = 0;
        for (boolean b : placed) {
            nPlaced += b ? 1 : 0;
        }
        int[] ids = new int[nPlaced];
        int w = 0;
        for (int k = 0; k < count; k++) {
            if (placed[k]) {
                ids[w++] = k;
            }
        }
        NestedDissection nd = new NestedDissection(ci, cj, rowLayer, ids);
        nd.split(0, nPlaced);
        int[] out = new int[count];
        System.arraycopy(nd.order, 0, out, 0, nPlaced);
        int p = nPlaced;
        for (int k = 0; k < count; k++) {
            if (!placed[k]) {
                out[p++] = k;
            }
        }
        return out;
    }

    private void emit(int lo, int hi) {
        for (int k = lo; k < hi; k++) {
            order[emitted++] = ids[k];
        }
    }

    private void split(int lo, int hi) {
        if (hi - lo <= CrossbarTolerances.ND_LEAF_NODES) {
            emit(lo, hi);
            return;
        }
        int imin = Integer.MAX_VALUE;
        int imax = Integer.MIN_VALUE;
        int jmin = Integer.MAX_VALUE;
        int jmax = Integer.MIN_VALUE;
        for (int k = lo; k < hi; k++) {
            int id = ids[k];
            imin = Math.min(imin, ci[id]);
            imax = Math.max(imax, ci[id]);
            jmin = Math.min(jmin, cj[id]);
            jmax = Math.max(jmax, cj[id]);
        }
        if (imin == imax && jmin == jmax) {
            emit(lo, hi);
            return;
        }
        boolean vertical = jmax - jmin >= imax - imin;
        int mid = vertical ? (jmin + jmax) >>> 1 : (imin + imax) >>> 1;
        // three-way partition into tmp: first part, second part, separator
        int a = 0;
        for (int k = lo; k < hi; k++) {
            int id = ids[k];
            if (part(id, vertical, mid) == 0) {
                tmp[a++] = id;
            }
        }
        int firstEnd = a;
        for (int k = lo; k < hi; k++) {
            int id = ids[k];
            if (part(id, vertical, mid) == 1) {
                tmp[a++] = id;
            }
        }
        int secondEnd = a;
        for (int k = lo; k < hi; k++) {
            int id = ids[k];
            if (part(id, vertical, mid) == 2) {
                tmp[a++] = id;
            }
        }
        System.arraycopy(tmp, 0, ids, lo, hi - lo);
        split(lo, lo + firstEnd);
        split(lo + firstEnd, lo + secondEnd);
        emit(lo + secondEnd, hi);
    }

    /** 0 = first half, 1 = second half, 2 = separator. */
    private int part(int id, boolean vertical, int mid) {
        int c = vertical ? cj[id] : ci[id];
        if (c < mid) {
            return 0;
        }
        if (c > mid) {
            return 1;
        }
        // on the cut line: the layer whose wires cross the cut is the separator
        boolean crossing = vertical == rowLayer[id];
        return crossing ? 2 : 0;
    }
}
