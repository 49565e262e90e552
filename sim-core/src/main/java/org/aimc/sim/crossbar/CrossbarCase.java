package org.aimc.sim.crossbar;

/** A crossbar with one input vector: what {@code aimc netlist} solves and writes. Immutable. */
public final class CrossbarCase {
    private final Crossbar crossbar;
    private final double[] inputsV;

    /**
     * @param inputsV voltage of every row, V (entries of open rows are ignored but must be present)
     */
    public CrossbarCase(Crossbar crossbar, double[] inputsV) {
        if (inputsV.length != crossbar.rows()) {
            throw new CrossbarException("inputs: expected one voltage per row (" + crossbar.rows() + "), got "
                    + inputsV.length);
        }
        for (int i = 0; i < inputsV.length; i++) {
            if (crossbar.rowDriven(i) && !Double.isFinite(inputsV[i])) {
                throw new CrossbarException("inputs: row " + i + " voltage is " + inputsV[i]);
            }
        }
        this.crossbar = crossbar;
        this.inputsV = inputsV.clone();
    }

    public Crossbar crossbar() {
        return crossbar;
    }

    /** A copy of the row voltages, V. */
    public double[] inputsV() {
        return inputsV.clone();
    }

    /** Row i voltage, V. */
    public double inputV(int i) {
        return inputsV[i];
    }
}
