package org.aimc.sim.device;

import java.util.List;
import org.aimc.sim.registry.Kind;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * A memory type. One implementation per technology, registered in
 * {@code META-INF/services/org.aimc.sim.device.DeviceKind}, with presets in {@code conf/devices/<id>.yaml}.
 */
public interface DeviceKind extends Kind {
    /** Every parameter a preset of this kind may set ({@link DeviceParams#COMMON} plus the kind's own). */
    List<ParamDef> parameters();

    /** Builds the behaviour of a device from complete, validated parameter values. */
    DeviceModel create(ParamValues params);
}
