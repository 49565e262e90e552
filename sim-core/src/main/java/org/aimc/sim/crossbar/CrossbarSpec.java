package org.aimc.sim.crossbar;

import java.io.Serializable;
import org.aimc.sim.spec.ArraySpec;
import org.aimc.sim.spec.Checks;

/**
 * The electrical description of an M x N crossbar (physics.md §5.1): wire segments on both line sets,
 * the row drivers and column sense terminals, and the cell access structure. Row (word) lines are driven at
 * column 0; column (bit) lines are sensed at row M-1 by a virtual ground at 0 V. A resistance of 0 is
 * exact: a zero-ohm wire merges a line into one node, a zero-ohm driver or sense terminal fixes the line
 * end at the source or reference voltage.
 *
 * @param rows          word lines M, 1..65536
 * @param cols          bit lines N, 1..65536
 * @param access        {@code 1T1R} (access transistor of on-resistance {@code accessOnOhm} in series with
 *                      the cell, an ideal open switch when its row is deselected), {@code 0T1R} (the bare
 *                      cell) or {@code 1S1R} (selector I = I0 sinh(V_s / V0) in series with the cell)
 * @param rowWireOhm    resistance of one row-line segment between neighbouring cells, ohm
 * @param colWireOhm    resistance of one column-line segment between neighbouring cells, ohm
 * @param driverOhm     output resistance of a row driver, ohm (0 = ideal voltage source)
 * @param senseOhm      input resistance of a column sense amplifier, ohm (0 = ideal virtual ground)
 * @param accessOnOhm   1T1R access-transistor on-resistance, ohm (ignored by the other structures)
 * @param selectorI0A   1S1R selector current scale I0, A (ignored by the other structures)
 * @param selectorV0V   1S1R selector voltage scale V0, V (ignored by the other structures)
 */
public record CrossbarSpec(int rows, int cols, String access, double rowWireOhm, double colWireOhm,
        double driverOhm, double senseOhm, double accessOnOhm, double selectorI0A, double selectorV0V)
        implements Serializable {

    /**
     * Access-transistor on-resistance, typical [T]: a minimum-width NMOS access device in deep triode at a
     * 22-65 nm node is a few kOhm, small against the 25 kOhm - 1 MOhm of the RRAM window of conf/devices/rram.yaml.
     */
    public static final double DEFAULT_ACCESS_ON_OHM = 2e3;
    /**
     * Selector of the form I = I0 sinh(V/V0) (physics.md §5.2). Typical [T]: V0 = 0.1 V gives a
     * half-bias nonlinearity K = I(V)/I(V/2) = 2 cosh(V / 2V0) = 148 at 1 V, inside the 10-1000 range
     * physics.md §5.2 associates with usable selectors.
     */
    public static final double DEFAULT_SELECTOR_V0_V = 0.1;
    /** Selector current scale, typical [T]: 100 nA, so a 40 uS cell (rram.yaml g_max) conducts 10 uA at ~0.75 V. */
    public static final double DEFAULT_SELECTOR_I0_A = 1e-7;
    /** Largest number of cells a nodal model accepts (memory: about 30 doubles per cell). */
    public static final long MAX_CELLS = 1L << 24;

    public CrossbarSpec {
        Checks.intIn("rows", rows, 1, ArraySpec.MAX_LINES);
        Checks.intIn("cols", cols, 1, ArraySpec.MAX_LINES);
        if ((long) rows * cols > MAX_CELLS) {
            throw new org.aimc.sim.spec.SpecException("rows", "rows x cols = " + (long) rows * cols
                    + " cells exceeds the nodal model's limit of " + MAX_CELLS);
        }
        Checks.oneOf("access", access, ArraySpec.ACCESS);
        Checks.finiteIn("row_wire_ohm", rowWireOhm, 0, 1e9);
        Checks.finiteIn("col_wire_ohm", colWireOhm, 0, 1e9);
        Checks.finiteIn("driver_ohm", driverOhm, 0, 1e12);
        Checks.finiteIn("sense_ohm", senseOhm, 0, 1e12);
        Checks.finiteIn("access_on_ohm", accessOnOhm, 0, 1e12);
        Checks.positive("selector_i0_a", selectorI0A, 1);
        Checks.positive("selector_v0_v", selectorV0V, 100);
    }

    /** A crossbar with the same wire resistance on both line sets, ideal terminals and default access devices. */
    public static CrossbarSpec of(int rows, int cols, String access, double wireOhm) {
        return new CrossbarSpec(rows, cols, access, wireOhm, wireOhm, 0, 0, DEFAULT_ACCESS_ON_OHM,
                DEFAULT_SELECTOR_I0_A, DEFAULT_SELECTOR_V0_V);
    }

    /** The array of a design point as a crossbar with ideal drivers and virtual grounds. */
    public static CrossbarSpec of(ArraySpec a) {
        return of(a.rows(), a.cols(), a.access(), a.wireOhm());
    }

    public CrossbarSpec withRows(int v) {
        return new CrossbarSpec(v, cols, access, rowWireOhm, colWireOhm, driverOhm, senseOhm, accessOnOhm,
                selectorI0A, selectorV0V);
    }

    public CrossbarSpec withCols(int v) {
        return new CrossbarSpec(rows, v, access, rowWireOhm, colWireOhm, driverOhm, senseOhm, accessOnOhm,
                selectorI0A, selectorV0V);
    }

    public CrossbarSpec withAccess(String v) {
        return new CrossbarSpec(rows, cols, v, rowWireOhm, colWireOhm, driverOhm, senseOhm, accessOnOhm,
                selectorI0A, selectorV0V);
    }

    /** Sets both wire resistances. */
    public CrossbarSpec withWireOhm(double v) {
        return new CrossbarSpec(rows, cols, access, v, v, driverOhm, senseOhm, accessOnOhm, selectorI0A,
                selectorV0V);
    }

    public CrossbarSpec withRowWireOhm(double v) {
        return new CrossbarSpec(rows, cols, access, v, colWireOhm, driverOhm, senseOhm, accessOnOhm,
                selectorI0A, selectorV0V);
    }

    public CrossbarSpec withColWireOhm(double v) {
        return new CrossbarSpec(rows, cols, access, rowWireOhm, v, driverOhm, senseOhm, accessOnOhm,
                selectorI0A, selectorV0V);
    }

    public CrossbarSpec withDriverOhm(double v) {
        return new CrossbarSpec(rows, cols, access, rowWireOhm, colWireOhm, v, senseOhm, accessOnOhm,
                selectorI0A, selectorV0V);
    }

    public CrossbarSpec withSenseOhm(double v) {
        return new CrossbarSpec(rows, cols, access, rowWireOhm, colWireOhm, driverOhm, v, accessOnOhm,
                selectorI0A, selectorV0V);
    }

    public CrossbarSpec withAccessOnOhm(double v) {
        return new CrossbarSpec(rows, cols, access, rowWireOhm, colWireOhm, driverOhm, senseOhm, v,
                selectorI0A, selectorV0V);
    }

    public CrossbarSpec withSelector(double i0A, double v0V) {
        return new CrossbarSpec(rows, cols, access, rowWireOhm, colWireOhm, driverOhm, senseOhm, accessOnOhm,
                i0A, v0V);
    }

    /** True when the cells are linear resistors (0T1R, 1T1R). */
    public boolean linear() {
        return !access.equals("1S1R");
    }
}
