package org.aimc.sim.space;

import java.util.ArrayList;
import java.util.List;
import org.aimc.sim.spec.Axis;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.SpecPaths;

/**
 * The dense index range [0, size) of a sweep: a mixed-radix number whose digits are the value positions
 * on each axis, the last axis varying fastest. {@link #decode} applies the chosen values to the base
 * point through their typed paths (each application re-validates); {@link #encode} is its inverse.
 */
public final class DesignSpace {
    private final PointSpec base;
    private final List<Axis> axes;
    private final SpecPaths.Path[] paths;
    private final int[] radix;
    private final long size;

    public DesignSpace(PointSpec base, List<Axis> axes) {
        this.base = base;
        this.axes = List.copyOf(axes);
        this.paths = new SpecPaths.Path[axes.size()];
        this.radix = new int[axes.size()];
        long n = 1;
        for (int a = 0; a < axes.size(); a++) {
            Axis axis = axes.get(a);
            paths[a] = SpecPaths.resolve(axis.path());
            radix[a] = axis.size();
            try {
                n = Math.multiplyExact(n, axis.size());
            } catch (ArithmeticException e) {
                throw new SpecException("axes", "the design space overflows 2^63 - 1 points at axis '"
                        + axis.path() + "' (sizes " + sizes() + ")");
            }
        }
        this.size = n;
    }

    private List<Integer> sizes() {
        List<Integer> s = new ArrayList<>();
        for (Axis a : axes) {
            s.add(a.size());
        }
        return s;
    }

    /** Number of points. */
    public long size() {
        return size;
    }

    public List<Axis> axes() {
        return axes;
    }

    public PointSpec base() {
        return base;
    }

    /** Value positions of point {@code index} on each axis. Writes {@code digits[0..axes)}. */
    public void digits(long index, int[] digits) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point index " + index + " outside [0, " + size + ")");
        }
        long rest = index;
        for (int a = radix.length - 1; a >= 0; a--) {
            digits[a] = (int) (rest % radix[a]);
            rest /= radix[a];
        }
    }

    /** The index of the point with these value positions. */
    public long encode(int[] digits) {
        long index = 0;
        for (int a = 0; a < radix.length; a++) {
            if (digits[a] < 0 || digits[a] >= radix[a]) {
                throw new IndexOutOfBoundsException("digit " + digits[a] + " of axis " + axes.get(a).path()
                        + " outside [0, " + radix[a] + ")");
            }
            index = index * radix[a] + digits[a];
        }
        return index;
    }

    /** The design point with index {@code index}. */
    public PointSpec decode(long index) {
        int[] d = new int[radix.length];
        digits(index, d);
        return decodeDigits(d);
    }

    /** The design point with these value positions. */
    public PointSpec decodeDigits(int[] d) {
        PointSpec p = base;
        for (int a = 0; a < radix.length; a++) {
            p = paths[a].set(p, axes.get(a).values().get(d[a]));
        }
        return p;
    }

    /** A stateful decoder for one thread (see {@link Decoder}). */
    public Decoder decoder() {
        return new Decoder();
    }

    /**
     * Decodes points reusing the work of the previous call: the specs after applying axes 0..a are kept,
     * and a new index re-applies only the axes from the first digit that changed. For indices visited in
     * order that is usually only the last axis. Gives exactly {@link #decode}'s result. Not thread-safe.
     */
    public final class Decoder {
        private final int[] last = new int[radix.length];
        private final PointSpec[] prefix = new PointSpec[radix.length];
        private boolean primed;

        private Decoder() {
        }

        /** The design point of {@code index}; writes its axis digits into {@code digits}. */
        public PointSpec decode(long index, int[] digits) {
            digits(index, digits);
            int from = 0;
            if (primed) {
                while (from < radix.length && digits[from] == last[from]) {
                    from++;
                }
                if (from == radix.length) {
                    return radix.length == 0 ? base : prefix[radix.length - 1];
                }
            }
            PointSpec p = from == 0 ? base : prefix[from - 1];
            for (int a = from; a < radix.length; a++) {
                p = paths[a].set(p, axes.get(a).values().get(digits[a]));
                prefix[a] = p;
                last[a] = digits[a];
            }
            primed = true;
            return p;
        }
    }

    public int axisCount() {
        return radix.length;
    }
}
