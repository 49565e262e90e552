package org.aimc.sim.cost;

import org.aimc.sim.spec.OperatingSpec;

/**
 * Node- and supply-dependent circuit constants used by every cost estimator, in SI units. Each constant
 * names its source; "typical" ones are review-level values (physics.md confidence T).
 *
 * <p>Capacitances that scale with the node: the gate of a minimum transistor ({@link #gateCapF}, width
 * {@value #MIN_WIDTH_F} F at ~1 fF/µm) and wires at ~0.2 fF/µm of length (node independent per length,
 * shorter with the cell pitch). Energies of digital logic scale ∝ F V^2 from a 45 nm reference. Delays
 * follow the FO4 inverter delay, ∝ F at the node's nominal supply and with the alpha-power law in the supply
 * ({@link #fo4S}); the macro clock is {@value #CLOCK_FO4} FO4.
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

    /**
     * Gate capacitance per metre of transistor width: ~1 fF/µm, nearly node independent because C_ox L
     * shrinks while overlap and fringe capacitance stay (typical; ITRS logic tables, e.g. Rabaey, Digital
     * Integrated Circuits, 2nd ed., ch. 3) [T].
     */
    public static final double GATE_CAP_F_PER_M = 1e-15 / 1e-6;

    /**
     * Minimum transistor width in units of F: 2 (NanGate FreePDK45: minimum active width 90 nm at F = 45 nm).
     */
    public static final double MIN_WIDTH_F = 2;

    /**
     * FO4 inverter delay per metre of drawn gate length at nominal supply, typical corner: 360 ps/µm
     * (R. Ho, K. W. Mai, M. A. Horowitz, "The future of wires", Proc. IEEE 89(4), 2001: FO4 = 360 ps x L_drawn
     * in µm, typical conditions).
     */
    public static final double FO4_S_PER_M = 360e-12 / 1e-6;

    /**
     * Velocity-saturation index of the alpha-power law I_on ∝ (V - V_t)^alpha: 1.3 (T. Sakurai, A. R. Newton,
     * "Alpha-power law MOSFET model", IEEE JSSC 25(2), 1990: alpha ~1.2-1.3 for short-channel devices).
     */
    public static final double ALPHA_POWER = 1.3;

    /** Threshold voltage of the alpha-power delay scaling: 0.35 V, typical core V_t [T]. */
    public static final double VT_V = 0.35;

    /** Smallest overdrive V - V_t the delay model accepts: 0.05 V (below it the delay is held; near-threshold). */
    static final double MIN_OVERDRIVE_V = 0.05;

    /**
     * Macro clock period in FO4 delays: 200, from IBM HERMES-Core's 1 GHz operation in 14 nm (physics.md §2.2,
     * ref. 10), FO4(14 nm) = 5.0 ps. One SAR bit cycle, one flash or ramp step, one counter period, one
     * pipeline step of the digital back end.
     */
    public static final double CLOCK_FO4 = 200;

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

    /**
     * Nominal core supply by node, V: 1.8 (≥ 180 nm), 1.2 (130 nm), 1.0 (90–65 nm), 0.9 (45–28 nm), 0.8
     * (22–12 nm), 0.75 (below); typical foundry core voltages [T].
     */
    public static double nominalVddV(double nodeNm) {
        if (nodeNm >= 180) {
            return 1.8;
        }
        if (nodeNm >= 130) {
            return 1.2;
        }
        if (nodeNm >= 65) {
            return 1.0;
        }
        if (nodeNm >= 28) {
            return 0.9;
        }
        if (nodeNm >= 12) {
            return 0.8;
        }
        return 0.75;
    }

    /** Gate capacitance of a minimum transistor at this node, F: {@link #MIN_WIDTH_F} F x 1 fF/µm. */
    public double gateCapF() {
        return GATE_CAP_F_PER_M * MIN_WIDTH_F * featureM;
    }

    /**
     * FO4 delay at this node and supply, s: 360 ps/µm x F at the node's nominal supply V_n, times the
     * alpha-power ratio [V / (V - V_t)^alpha] / [V_n / (V_n - V_t)^alpha].
     */
    public double fo4S() {
        double vn = nominalVddV(featureM * 1e9);
        return FO4_S_PER_M * featureM * alphaDelay(vddV) / alphaDelay(vn);
    }

    private static double alphaDelay(double v) {
        return v / Math.pow(Math.max(v - VT_V, MIN_OVERDRIVE_V), ALPHA_POWER);
    }

    /** Macro clock period at this node and supply, s: {@link #CLOCK_FO4} FO4. */
    public double clockS() {
        return CLOCK_FO4 * fo4S();
    }

    /** Capacitance of a wire of this length, F. */
    public double wireCapF(double lengthM) {
        return WIRE_CAP_F_PER_M * lengthM;
    }
}
