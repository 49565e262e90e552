package org.aimc.sim.device;

import org.aimc.sim.cost.Technology;

/** Physical constants used by the device models (CODATA 2018 exact values). */
final class Constants {
    private Constants() {
    }

    /** Boltzmann constant, J/K. */
    static final double K_B = Technology.BOLTZMANN;
    /** Elementary charge, C. */
    static final double Q = 1.602176634e-19;
    /** Boltzmann constant in eV/K. */
    static final double K_B_EV = K_B / Q;

    /** Arrhenius acceleration exp(Ea/k (1/T_ref - 1/T)) of a thermally activated process. */
    static double arrhenius(double activationEv, double tRefK, double tK) {
        return Math.exp(activationEv / K_B_EV * (1 / tRefK - 1 / tK));
    }
}
