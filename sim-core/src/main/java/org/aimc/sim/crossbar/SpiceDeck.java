package org.aimc.sim.crossbar;

import java.util.Locale;

/**
 * ngspice-compatible DC operating-point deck of a crossbar. Every element is written explicitly: a voltage
 * source and driver resistor per driven row, wire segments, the cell (a resistor; in 1T1R in series with the
 * access transistor's on-resistance; in 1S1R in series with a behavioural selector
 * {@code B... I = I0*sinh(V/V0)}), and at the end of every sensed column a zero-volt source named
 * {@code vcol<j>} to ground (through the sense resistor), so that {@code i(vcol<j>)} is column j's current
 * in ngspice's sign convention (positive into the column's sense). Zero-ohm wires, drivers and transistors
 * merge their nodes; cells that do not conduct (G = 0, deselected 1T1R rows) are left out.
 *
 * <p>Node names: {@code r<i>_<j>} row i at column j, {@code c<i>_<j>} column j at row i, {@code m<i>_<j>} the
 * node between cell and access device, {@code in<i>} a driver's source, {@code s<j>} a sense amplifier's
 * input.
 */
public final class SpiceDeck {
    /**
     * Tolerances written into the deck: ngspice's defaults (reltol 1e-3) are far looser than a comparison
     * at 1e-6 needs; these hold its Newton iterations to about 1e-10 relative.
     */
    static final String OPTIONS = ".options reltol=1e-10 abstol=1e-18 vntol=1e-14";

    private SpiceDeck() {
    }

    /** The deck of {@code c}, as text. */
    public static String write(CrossbarCase c) {
        Crossbar xb = c.crossbar();
        NodalModel.checkConnected(xb);
        CrossbarSpec s = xb.spec();
        int m = s.rows();
        int n = s.cols();
        StringBuilder sb = new StringBuilder(64 * m * n + 1024);
        sb.append(String.format(Locale.ROOT, "* aimc crossbar %dx%d %s: row wire %s ohm, column wire %s ohm, "
                + "driver %s ohm, sense %s ohm%n", m, n, s.access(), num(s.rowWireOhm()), num(s.colWireOhm()),
                num(s.driverOhm()), num(s.senseOhm())));
        sb.append("* written by aimc netlist; the current of column j is i(vcol<j>)\n");
        if (s.access().equals("1T1R")) {
            sb.append("* 1T1R access transistors as their on-resistance ").append(num(s.accessOnOhm()))
                    .append(" ohm; deselected rows have no cell elements\n");
        } else if (s.access().equals("1S1R")) {
            sb.append("* 1S1R selectors: I = ").append(num(s.selectorI0A())).append(" * sinh(V / ")
                    .append(num(s.selectorV0V())).append(")\n");
        }
        sb.append(OPTIONS).append('\n');
        for (int i = 0; i < m; i++) {
            if (!xb.rowDriven(i)) {
                continue;
            }
            String tap = rowNode(s, i, 0);
            if (s.driverOhm() == 0) {
                line(sb, "vin" + i, tap, "0", "DC " + num(c.inputV(i)));
            } else {
                line(sb, "vin" + i, "in" + i, "0", "DC " + num(c.inputV(i)));
                line(sb, "rd" + i, "in" + i, tap, num(s.driverOhm()));
            }
        }
        if (s.rowWireOhm() > 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j + 1 < n; j++) {
                    line(sb, "rw" + i + "_" + j, rowNode(s, i, j), rowNode(s, i, j + 1), num(s.rowWireOhm()));
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (!xb.conducts(i, j)) {
                    continue;
                }
                String id = i + "_" + j;
                String r = rowNode(s, i, j);
                String col = colNode(s, i, j);
                String cell = num(1.0 / xb.conductanceS(i, j));
                switch (s.access()) {
                    case "0T1R" -> line(sb, "rc" + id, r, col, cell);
                    case "1T1R" -> {
                        if (s.accessOnOhm() == 0) {
                            line(sb, "rc" + id, r, col, cell);
                        } else {
                            line(sb, "rc" + id, r, "m" + id, cell);
                            line(sb, "rt" + id, "m" + id, col, num(s.accessOnOhm()));
                        }
                    }
                    default -> {
                        line(sb, "rc" + id, r, "m" + id, cell);
                        sb.append("bs").append(id).append(' ').append("m").append(id).append(' ').append(col)
                                .append(" I = ").append(num(s.selectorI0A())).append("*sinh(V(m").append(id)
                                .append(',').append(col).append(")/").append(num(s.selectorV0V())).append(")\n");
                    }
                }
            }
        }
        if (s.colWireOhm() > 0) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i + 1 < m; i++) {
                    line(sb, "rb" + i + "_" + j, colNode(s, i, j), colNode(s, i + 1, j), num(s.colWireOhm()));
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (!xb.columnSensed(j)) {
                continue;
            }
            String end = colNode(s, m - 1, j);
            if (s.senseOhm() == 0) {
                line(sb, "vcol" + j, end, "0", "DC 0");
            } else {
                line(sb, "ro" + j, end, "s" + j, num(s.senseOhm()));
                line(sb, "vcol" + j, "s" + j, "0", "DC 0");
            }
        }
        sb.append(".op\n.end\n");
        return sb.toString();
    }

    static String rowNode(CrossbarSpec s, int i, int j) {
        return s.rowWireOhm() == 0 ? "r" + i : "r" + i + "_" + j;
    }

    static String colNode(CrossbarSpec s, int i, int j) {
        return s.colWireOhm() == 0 ? "c" + j : "c" + i + "_" + j;
    }

    private static void line(StringBuilder sb, String name, String a, String b, String value) {
        sb.append(name).append(' ').append(a).append(' ').append(b).append(' ').append(value).append('\n');
    }

    /** Shortest decimal text that parses back to the same double (SPICE reads plain exponent notation). */
    static String num(double v) {
        return Double.toString(v).replace("E", "e");
    }
}
