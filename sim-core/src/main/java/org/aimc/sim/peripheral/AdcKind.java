package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.registry.Kind;
import org.aimc.sim.spec.ParamDef;

/**
 * A column-readout converter kind: cost per conversion, whether it quantises, and the magnitudes of its
 * errors ({@link AdcErrors}). Registered in {@code META-INF/services/org.aimc.sim.peripheral.AdcKind}.
 */
public interface AdcKind extends Kind {
    /** True for a modelling reference without quantisation or cost. */
    default boolean ideal() {
        return false;
    }

    /** True for time-to-digital converters: the input is a time interval, not a voltage or a charge. */
    default boolean convertsTime() {
        return false;
    }

    /** The converter's error parameters with their defaults and sources (empty: no errors). */
    List<ParamDef> parameters();

    /** Energy of one conversion, J. */
    double energyJ(int bits, Technology tech);

    /** Duration of one conversion, s. */
    double conversionTimeS(int bits, Technology tech);

    /** Area of one converter, m^2. */
    double areaM2(int bits, Technology tech);
}
