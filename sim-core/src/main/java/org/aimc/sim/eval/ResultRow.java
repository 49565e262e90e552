package org.aimc.sim.eval;

import java.util.List;

/**
 * One {@code points} row in typed, unboxed storage, filled in {@link ResultColumns} order and reused from
 * point to point (the evaluator's caller-owned output). Each put checks the column's type and rejects
 * non-finite numbers, so a model that computes NaN or infinity cannot write it silently.
 */
public final class ResultRow {
    private static final List<Column> COLUMNS = ResultColumns.all();
    private static final Column.Type[] TYPES = new Column.Type[COLUMNS.size()];
    private static final boolean[] NULLABLE = new boolean[COLUMNS.size()];

    static {
        for (int i = 0; i < TYPES.length; i++) {
            TYPES[i] = COLUMNS.get(i).type();
            NULLABLE[i] = COLUMNS.get(i).nullable();
        }
    }

    private final long[] longs = new long[TYPES.length];
    private final double[] doubles = new double[TYPES.length];
    private final String[] strings = new String[TYPES.length];
    private final boolean[] present = new boolean[TYPES.length];
    private int n;

    /** Thrown when a model computes NaN or infinity for a column. */
    public static final class NonFinite extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NonFinite(String message) {
            super(message, null, false, false);
        }
    }

    /** Empties the row for a new point. */
    public ResultRow reset() {
        n = 0;
        return this;
    }

    int position() {
        return n;
    }

    void rewind(int position) {
        n = position;
    }

    private int next(Column.Type t) {
        int i = n;
        if (i >= TYPES.length) {
            throw new IllegalStateException("row already has all " + TYPES.length + " columns");
        }
        if (TYPES[i] != t) {
            throw new IllegalStateException("column " + COLUMNS.get(i).name() + " is " + TYPES[i] + ", got " + t);
        }
        n = i + 1;
        present[i] = true;
        return i;
    }

    public ResultRow putInt(int v) {
        longs[next(Column.Type.INT)] = v;
        return this;
    }

    public ResultRow putLong(long v) {
        longs[next(Column.Type.LONG)] = v;
        return this;
    }

    public ResultRow putBoolean(boolean v) {
        longs[next(Column.Type.BOOLEAN)] = v ? 1 : 0;
        return this;
    }

    public ResultRow putDouble(double v) {
        if (!Double.isFinite(v)) {
            throw new NonFinite("column " + COLUMNS.get(n).name() + " computed " + v);
        }
        doubles[next(Column.Type.DOUBLE)] = v;
        return this;
    }

    public ResultRow putString(String v) {
        if (v == null) {
            return putNull();
        }
        strings[next(Column.Type.STRING)] = v;
        return this;
    }

    /** A null in the next column, which must be nullable. */
    public ResultRow putNull() {
        int i = n;
        if (!NULLABLE[i]) {
            throw new IllegalStateException("column " + COLUMNS.get(i).name() + " is not nullable");
        }
        present[i] = false;
        n = i + 1;
        return this;
    }

    /** Nulls in every remaining column. */
    public ResultRow fillNulls() {
        while (n < TYPES.length) {
            putNull();
        }
        return this;
    }

    public boolean complete() {
        return n == TYPES.length;
    }

    private void checkComplete() {
        if (n != TYPES.length) {
            throw new IllegalStateException("row has " + n + " of " + TYPES.length + " columns");
        }
    }

    public boolean isNull(int col) {
        return !present[col];
    }

    public int getInt(int col) {
        return (int) longs[col];
    }

    public long getLong(int col) {
        return longs[col];
    }

    public boolean getBoolean(int col) {
        return longs[col] != 0;
    }

    public double getDouble(int col) {
        return doubles[col];
    }

    public String getString(int col) {
        return strings[col];
    }

    /** The value of a column boxed (Integer, Long, Double, Boolean, String or null). */
    public Object get(int col) {
        if (!present[col]) {
            return null;
        }
        return switch (TYPES[col]) {
            case INT -> (int) longs[col];
            case LONG -> longs[col];
            case DOUBLE -> doubles[col];
            case BOOLEAN -> longs[col] != 0;
            case STRING -> strings[col];
        };
    }

    /** The complete row boxed, in column order. */
    public Object[] toObjects() {
        checkComplete();
        Object[] out = new Object[TYPES.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }
}
