package org.aimc.sim.crossbar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small text format for one crossbar and its inputs (the {@code --from} file of {@code aimc netlist}).
 * Line-based; {@code #} starts a comment; blank lines are ignored; each key appears at most once:
 * <pre>
 * # 2 x 3 passive array
 * rows 2
 * cols 3
 * access 0T1R                  # 1T1R | 0T1R | 1S1R
 * wire_ohm 0.35                # both line sets; or row_wire_ohm and col_wire_ohm
 * driver_ohm 0                 # optional, default 0 (ideal driver)
 * sense_ohm 0                  # optional, default 0 (ideal virtual ground)
 * access_on_ohm 2000           # optional, 1T1R on-resistance (default 2000)
 * selector_i0_a 1e-7           # optional, 1S1R selector I0 (default 1e-7)
 * selector_v0_v 0.1            # optional, 1S1R selector V0 (default 0.1)
 * inputs_v 0.2 open            # one per row, V; "open" leaves the row floating
 * open_columns 2               # optional: columns without a sense amplifier
 * deselected_rows              # optional (1T1R): rows whose access transistors are off
 * conductances_s               # then exactly `rows` lines of `cols` conductances, S
 * 1e-5 2e-5 3e-5
 * 4e-5 0 1e-6
 * </pre>
 * Required: rows, cols, access, a wire resistance, inputs_v, conductances_s. Errors name the line.
 */
public final class CrossbarText {
    /** Every key the format knows. */
    public static final List<String> KEYS = List.of("rows", "cols", "access", "wire_ohm", "row_wire_ohm",
            "col_wire_ohm", "driver_ohm", "sense_ohm", "access_on_ohm", "selector_i0_a", "selector_v0_v",
            "inputs_v", "open_columns", "deselected_rows", "conductances_s");

    private CrossbarText() {
    }

    /** Parses {@code text}; errors ({@link CrossbarException}) start with the line number. */
    public static CrossbarCase parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        Map<String, String[]> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<String[]> gRows = new ArrayList<>();
        List<Integer> gLines = new ArrayList<>();
        boolean inMatrix = false;
        for (int ln = 0; ln < lines.length; ln++) {
            String raw = lines[ln];
            int hash = raw.indexOf('#');
            String body = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (body.isEmpty()) {
                continue;
            }
            String[] tok = body.split("\\s+");
            if (inMatrix && !KEYS.contains(tok[0])) {
                gRows.add(tok);
                gLines.add(ln + 1);
                continue;
            }
            String key = tok[0];
            if (!KEYS.contains(key)) {
                throw err(ln + 1, "unknown key '" + key + "'; known: " + KEYS);
            }
            if (values.containsKey(key)) {
                throw err(ln + 1, "'" + key + "' given twice (first on line " + lineOf.get(key) + ")");
            }
            String[] rest = java.util.Arrays.copyOfRange(tok, 1, tok.length);
            values.put(key, rest);
            lineOf.put(key, ln + 1);
            inMatrix = key.equals("conductances_s");
            if (inMatrix && rest.length > 0) {
                throw err(ln + 1, "conductances_s takes no values on its own line; put the matrix on the lines "
                        + "below it");
            }
        }
        for (String k : List.of("rows", "cols", "access", "inputs_v", "conductances_s")) {
            if (!values.containsKey(k)) {
                throw new CrossbarException("missing required key '" + k + "'");
            }
        }
        int m = intValue(values, lineOf, "rows");
        int n = intValue(values, lineOf, "cols");
        String access = single(values, lineOf, "access");
        double rw;
        double cw;
        if (values.containsKey("wire_ohm")) {
            if (values.containsKey("row_wire_ohm") || values.containsKey("col_wire_ohm")) {
                throw err(lineOf.get("wire_ohm"), "give either wire_ohm or row_wire_ohm and col_wire_ohm, not both");
            }
            rw = number(values, lineOf, "wire_ohm");
            cw = rw;
        } else if (values.containsKey("row_wire_ohm") && values.containsKey("col_wire_ohm")) {
            rw = number(values, lineOf, "row_wire_ohm");
            cw = number(values, lineOf, "col_wire_ohm");
        } else {
            throw new CrossbarException("missing wire resistance: give wire_ohm, or row_wire_ohm and col_wire_ohm");
        }
        CrossbarSpec spec;
        try {
            spec = new CrossbarSpec(m, n, access, rw, cw, optional(values, lineOf, "driver_ohm", 0),
                    optional(values, lineOf, "sense_ohm", 0),
                    optional(values, lineOf, "access_on_ohm", CrossbarSpec.DEFAULT_ACCESS_ON_OHM),
                    optional(values, lineOf, "selector_i0_a", CrossbarSpec.DEFAULT_SELECTOR_I0_A),
                    optional(values, lineOf, "selector_v0_v", CrossbarSpec.DEFAULT_SELECTOR_V0_V));
        } catch (IllegalArgumentException e) {
            throw new CrossbarException(e.getMessage());
        }
        if (gRows.size() != m) {
            throw err(lineOf.get("conductances_s"), "expected " + m + " rows of conductances below, found "
                    + gRows.size());
        }
        double[] g = new double[m * n];
        for (int i = 0; i < m; i++) {
            String[] r = gRows.get(i);
            if (r.length != n) {
                throw err(gLines.get(i), "conductance row " + i + " has " + r.length + " values, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                g[i * n + j] = parse(r[j], gLines.get(i), "conductance (" + i + ", " + j + ")");
            }
        }
        Crossbar xb;
        try {
            xb = Crossbar.of(spec, g);
        } catch (CrossbarException e) {
            throw err(lineOf.get("conductances_s"), e.getMessage());
        }
        String[] in = values.get("inputs_v");
        int inLine = lineOf.get("inputs_v");
        if (in.length != m) {
            throw err(inLine, "inputs_v has " + in.length + " values, expected one per row (" + m + ")");
        }
        double[] v = new double[m];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (in[i].equals("open")) {
                open.add(i);
            } else {
                v[i] = parse(in[i], inLine, "input of row " + i);
            }
        }
        if (!open.isEmpty()) {
            xb = xb.withOpenRows(open.stream().mapToInt(Integer::intValue).toArray());
        }
        if (values.containsKey("open_columns")) {
            xb = xb.withOpenColumns(indices(values, lineOf, "open_columns", n));
        }
        if (values.containsKey("deselected_rows")) {
            try {
                xb = xb.withDeselectedRows(indices(values, lineOf, "deselected_rows", m));
            } catch (CrossbarException e) {
                throw err(lineOf.get("deselected_rows"), e.getMessage());
            }
        }
        return new CrossbarCase(xb, v);
    }

    /** The text of {@code c}, which {@link #parse} reads back to the same crossbar and inputs. */
    public static String write(CrossbarCase c) {
        Crossbar xb = c.crossbar();
        CrossbarSpec s = xb.spec();
        StringBuilder sb = new StringBuilder();
        sb.append("# aimc crossbar\n");
        sb.append("rows ").append(s.rows()).append('\n');
        sb.append("cols ").append(s.cols()).append('\n');
        sb.append("access ").append(s.access()).append('\n');
        sb.append("row_wire_ohm ").append(s.rowWireOhm()).append('\n');
        sb.append("col_wire_ohm ").append(s.colWireOhm()).append('\n');
        sb.append("driver_ohm ").append(s.driverOhm()).append('\n');
        sb.append("sense_ohm ").append(s.senseOhm()).append('\n');
        sb.append("access_on_ohm ").append(s.accessOnOhm()).append('\n');
        sb.append("selector_i0_a ").append(s.selectorI0A()).append('\n');
        sb.append("selector_v0_v ").append(s.selectorV0V()).append('\n');
        sb.append("inputs_v");
        for (int i = 0; i < s.rows(); i++) {
            sb.append(' ').append(xb.rowDriven(i) ? Double.toString(c.inputV(i)) : "open");
        }
        sb.append('\n');
        indexLine(sb, "open_columns", s.cols(), j -> !xb.columnSensed(j));
        indexLine(sb, "deselected_rows", s.rows(), i -> !xb.rowSelected(i));
        sb.append("conductances_s\n");
        for (int i = 0; i < s.rows(); i++) {
            for (int j = 0; j < s.cols(); j++) {
                if (j > 0) {
                    sb.append(' ');
                }
                sb.append(xb.conductanceS(i, j));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Appends "key i j ..." for the indices in [0, count) that {@code pick} accepts, if any. */
    private static void indexLine(StringBuilder sb, String key, int count, java.util.function.IntPredicate pick) {
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < count; k++) {
            if (pick.test(k)) {
                line.append(' ').append(k);
            }
        }
        if (line.length() > 0) {
            sb.append(key).append(line).append('\n');
        }
    }

    private static CrossbarException err(int line, String msg) {
        return new CrossbarException("line " + line + ": " + msg);
    }

    private static String single(Map<String, String[]> values, Map<String, Integer> lineOf, String key) {
        String[] v = values.get(key);
        if (v.length != 1) {
            throw err(lineOf.get(key), key + " takes exactly one value, got " + v.length);
        }
        return v[0];
    }

    private static int intValue(Map<String, String[]> values, Map<String, Integer> lineOf, String key) {
        String s = single(values, lineOf, key);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw err(lineOf.get(key), key + " must be an integer, got '" + s + "'");
        }
    }

    private static double number(Map<String, String[]> values, Map<String, Integer> lineOf, String key) {
        return parse(single(values, lineOf, key), lineOf.get(key), key);
    }

    private static double optional(Map<String, String[]> values, Map<String, Integer> lineOf, String key,
            double dflt) {
        return values.containsKey(key) ? number(values, lineOf, key) : dflt;
    }

    private static int[] indices(Map<String, String[]> values, Map<String, Integer> lineOf, String key, int limit) {
        String[] v = values.get(key);
        int[] out = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            try {
                out[k] = Integer.parseInt(v[k]);
            } catch (NumberFormatException e) {
                throw err(lineOf.get(key), key + ": '" + v[k] + "' is not an index");
            }
            if (out[k] < 0 || out[k] >= limit) {
                throw err(lineOf.get(key), key + ": index " + out[k] + " outside [0, " + (limit - 1) + "]");
            }
        }
        return out;
    }

    private static double parse(String s, int line, String what) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw err(line, what + " must be finite, got '" + s + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw err(line, what + ": '" + s + "' is not a number");
        }
    }
}
