package org.aimc.sim.cost;

import org.aimc.sim.spec.OperatingSpec;

/**
 * Node- and supply-dependent circuit constants used by every cost estimator, in SI units. Each constant
 * names its source; "typical" ones are review-level values (physics.md confidence T) to be refined by the
 * cost-model work and the validation against published macros.
 */
public final class Technology {
    /** Boltzmann constant, J/K (CODATA 2018, exact). */
    public static final double BOLTZMANN = 1.380649e-23;

    /**
     * Interconnect capacitance per metre of a minimum-pitch intermediate metal line: ~0.2 fF/µm, nearly
     * node independent (typical ITRS interconnect value) [T].
     */
    public static final double WIRE_CAP_F_PER_M = 0.2e-15 / 1e-6;

    /**
     * Area of a NAND2-equivalent gate in units of F^2: NanGate FreePDK45 Open Cell Library NAND2_X1 is
     * 0.798 µm^2 at F = 45 nm, i.e. 394 F^2.
     */
    public static final double NAND2_AREA_F2 = 0.798e-12 / (45e-9 * 45e-9);

    /**
     * Energy of a one-bit full-adder operation at 45 nm, 0.9 V: 32-bit integer add 0.1 pJ (M. Horowitz,
     * "Computing's energy problem", ISSCC 2014), i.e. 3.1 fJ per bit; scaled ∝ F · V^2.
     */
    static final double ADD_BIT_J_45NM_0V9 = 0.1e-12 / 32;

    /** Density of MOM capacitors, F/m^2: typical ~2 fF/µm^2 in 65-22 nm back-ends [T]. */
    public static final double MOM_CAP_F_PER_M2 = 2e-15 / 1e-12;

    private final double featureM;
    private final double vddV;
    private final double temperatureK;

    public Technology(OperatingSpec op) {
        this(op.nodeNm(), op.vddV(), op.temperatureK());
    }

    public Technology(double nodeNm, double vddV, double temperatureK) {
        this.featureM = nodeNm * 1e-9;
        this.vddV = vddV;
        this.temperatureK = temperatureK;
    }

    /** Feature size F in m. */
    public double featureM() {
        return featureM;
    }

    public double vddV() {
        return vddV;
    }

    public double temperatureK() {
        return temperatureK;
    }

    /** kT in J. */
    public double kT() {
        return BOLTZMANN * temperatureK;
    }

    /** Area of one F^2, m^2. */
    public double f2() {
        return featureM * featureM;
    }

    /** Area of {@code n} NAND2-equivalent gates, m^2. */
    public double gatesArea(double n) {
        return n * NAND2_AREA_F2 * f2();
    }

    /** Energy of one full-adder bit operation at this node and supply, J. */
    public double addBitEnergyJ() {
        return ADD_BIT_J_45NM_0V9 * (featureM / 45e-9) * (vddV / 0.9) * (vddV / 0.9);
    }

    /** Capacitance of a wire of this length, F. */
    public double wireCapF(double lengthM) {
        return WIRE_CAP_F_PER_M * lengthM;
    }
}
