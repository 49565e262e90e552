package org.aimc.sim.pareto;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Non-dominated sorting over a {@link PointBuffer}: which points have rank ≤ depth, and their ranks.
 * Every algorithm first sorts by the buffer's total order; then a point is beaten exactly by earlier
 * points whose keys are ≤ its own in every objective, which makes each pass a single scan:
 * <ul>
 *   <li>front of 2 objectives: sort and scan, keeping a point when its second key is below every kept one;
 *   <li>front of 3 objectives: sort and scan against a staircase of the kept (key2, key3) pairs in a
 *       balanced tree, O(n log n) (Kung, Luccio, Preparata, J. ACM 22(4), 1975);
 *   <li>front of 4 or more: sort-filter-skyline, each point checked against the kept ones
 *       (Chomicki et al., ICDE 2003);
 *   <li>deeper ranks, 2 objectives: the smallest second key per rank, rank by binary search, O(n log n);
 *   <li>deeper ranks otherwise: efficient non-dominated sort with binary search over the layers
 *       (Zhang, Tian, Cheng, Jin, IEEE TEVC 19(2), 2015).
 * </ul>
 */
final class Layers {
    private Layers() {
    }

    /** Positions kept and their ranks, in the buffer's total order. */
    record Selection(int[] positions, int[] ranks, int size) {
    }

    static Selection select(PointBuffer b, int depth) {
        int[] order = b.sortedUnique();
        int m = order.length;
        int[] pos = new int[m];
        int[] rank = new int[m];
        int k;
        if (depth == 1) {
            k = switch (b.d) {
                case 1 -> front1(order, pos);
                case 2 -> front2(b, order, pos);
                case 3 -> front3(b, order, pos);
                default -> frontSfs(b, order, pos);
            };
            java.util.Arrays.fill(rank, 0, k, 1);
        } else if (b.d == 2) {
            k = ranks2(b, order, depth, pos, rank);
        } else {
            k = ranksEns(b, order, depth, pos, rank);
        }
        return new Selection(pos, rank, k);
    }

    private static int front1(int[] order, int[] pos) {
        if (order.length == 0) {
            return 0;
        }
        pos[0] = order[0];
        return 1;
    }

    private static int front2(PointBuffer b, int[] order, int[] pos) {
        int k = 0;
        double minY = Double.POSITIVE_INFINITY;
        for (int p : order) {
            double y = b.key(p, 1);
            if (y < minY) {
                pos[k++] = p;
                minY = y;
            }
        }
        return k;
    }

    private static int front3(PointBuffer b, int[] order, int[] pos) {
        // staircase of kept (y, z): y strictly increasing, z strictly decreasing
        TreeMap<Double, Double> stairs = new TreeMap<>();
        int k = 0;
        for (int p : order) {
            double y = b.key(p, 1);
            double z = b.key(p, 2);
            Map.Entry<Double, Double> f = stairs.floorEntry(y);
            if (f != null && f.getValue() <= z) {
                continue;
            }
            pos[k++] = p;
            Iterator<Map.Entry<Double, Double>> it = stairs.tailMap(y, true).entrySet().iterator();
            while (it.hasNext()) {
                if (it.next().getValue() >= z) {
                    it.remove();
                } else {
                    break;
                }
            }
            stairs.put(y, z);
        }
        return k;
    }

    private static int frontSfs(PointBuffer b, int[] order, int[] pos) {
        int k = 0;
        for (int p : order) {
            if (!beatenByAny(b, pos, 0, k, p)) {
                pos[k++] = p;
            }
        }
        return k;
    }

    private static boolean beatenByAny(PointBuffer b, int[] members, int from, int to, int p) {
        for (int i = to - 1; i >= from; i--) {
            if (b.weaklyBelow(members[i], p)) {
                return true;
            }
        }
        return false;
    }

    private static int ranks2(PointBuffer b, int[] order, int depth, int[] pos, int[] rank) {
        double[] minY = new double[depth];
        int layers = 0;
        int k = 0;
        for (int p : order) {
            double y = b.key(p, 1);
            // first layer whose smallest y is above y (minY is non-decreasing over layers)
            int lo = 0;
            int hi = layers;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (minY[mid] <= y) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo >= depth) {
                continue;
            }
            minY[lo] = y;
            if (lo == layers) {
                layers++;
            }
            pos[k] = p;
            rank[k] = lo + 1;
            k++;
        }
        return k;
    }

    private static int ranksEns(PointBuffer b, int[] order, int depth, int[] pos, int[] rank) {
        List<int[]> layer = new ArrayList<>();
        int[] sizes = new int[depth];
        int k = 0;
        for (int p : order) {
            // a point beaten by a member of layer r is beaten by members of every layer before r
            int lo = 0;
            int hi = layer.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (beatenByAny(b, layer.get(mid), 0, sizes[mid], p)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo >= depth) {
                continue;
            }
            if (lo == layer.size()) {
                layer.add(new int[16]);
            }
            int[] members = layer.get(lo);
            if (sizes[lo] == members.length) {
                members = java.util.Arrays.copyOf(members, members.length * 2);
                layer.set(lo, members);
            }
            members[sizes[lo]++] = p;
            pos[k] = p;
            rank[k] = lo + 1;
            k++;
        }
        return k;
    }
}
