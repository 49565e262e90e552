package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/**
 * The array of one tile.
 *
 * @param rows    word lines (inputs), 1..65536
 * @param cols    physical bit lines (device columns), 1..65536
 * @param access  cell access structure: {@code 1T1R}, {@code 0T1R} (selector-less) or {@code 1S1R}
 * @param wireOhm resistance of one wire segment between neighbouring cells, in ohm
 */
public record ArraySpec(int rows, int cols, String access, double wireOhm) implements Serializable {
    public static final List<String> ACCESS = List.of("1T1R", "0T1R", "1S1R");
    public static final int MAX_LINES = 65536;

    public ArraySpec {
        Checks.intIn("rows", rows, 1, MAX_LINES);
        Checks.intIn("cols", cols, 1, MAX_LINES);
        Checks.oneOf("access", access, ACCESS);
        Checks.finiteIn("wire_ohm", wireOhm, 0, 1e6);
    }

    public ArraySpec withRows(int v) {
        return new ArraySpec(v, cols, access, wireOhm);
    }

    public ArraySpec withCols(int v) {
        return new ArraySpec(rows, v, access, wireOhm);
    }

    public ArraySpec withAccess(String v) {
        return new ArraySpec(rows, cols, v, wireOhm);
    }

    public ArraySpec withWireOhm(double v) {
        return new ArraySpec(rows, cols, access, v);
    }
}
