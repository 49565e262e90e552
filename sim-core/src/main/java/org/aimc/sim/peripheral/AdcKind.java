package org.aimc.sim.peripheral;

import org.aimc.sim.cost.Technology;
import org.aimc.sim.registry.Kind;

/**
 * A column-readout converter kind: cost per conversion and whether it quantises. Registered in
 * {@code META-INF/services/org.aimc.sim.peripheral.AdcKind}.
 */
public interface AdcKind extends Kind {
    /** True for a modelling reference without quantisation or cost. */
    default boolean ideal() {
        return false;
    }

    /** Energy of one conversion, J. */
    double energyJ(int bits, Technology tech);

    /** Duration of one conversion, s. */
    double conversionTimeS(int bits, Technology tech);

    /** Area of one converter, m^2. */
    double areaM2(int bits, Technology tech);
}
