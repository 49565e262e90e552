package org.aimc.sim.hat;

import java.io.Serializable;
import org.aimc.sim.spec.Checks;

/**
 * Tier-C effects a simulated chip ({@link SimulatedChip}) carries beyond the behavioural tile, with the
 * parameters the design point's domain does not (yet) describe. Full nodal IR drop needs no parameter: it is
 * on where the point asks for {@code nonideal.ir_drop: nodal}.
 *
 * @param chargeInputOhm  input resistance R_in of a charge-domain integrator's virtual ground, ohm; 0 turns
 *                        the RC settling of the bit line off. Typical [T?]: a regulated-cascode current input
 *                        reaches 10-100 ohm; a plain common-gate input 1/g_m of a few kOhm
 * @param chargeNodeCapF  capacitance on the bit line beyond its wire (integrator input, switches), F
 */
public record ChipPhysics(double chargeInputOhm, double chargeNodeCapF) implements Serializable {
    /** No tier-C effect beyond what the point's spec asks for. */
    public static final ChipPhysics NONE = new ChipPhysics(0, 0);

    public ChipPhysics {
        Checks.finiteIn("charge_input_ohm", chargeInputOhm, 0, 1e9);
        Checks.finiteIn("charge_node_cap_f", chargeNodeCapF, 0, 1e-9);
    }

    /** True when charge-domain columns settle through R_in. */
    public boolean chargeSettling() {
        return chargeInputOhm > 0;
    }
}
