package org.aimc.sim.peripheral;

import org.aimc.sim.registry.KindRegistry;

/** Registries of converter kinds. */
public final class Peripherals {
    private static final class Holder {
        static final KindRegistry<AdcKind> ADCS = KindRegistry.load("ADC kind", AdcKind.class);
        static final KindRegistry<DacKind> DACS = KindRegistry.load("input driver kind", DacKind.class);
    }

    private Peripherals() {
    }

    public static KindRegistry<AdcKind> adcs() {
        return Holder.ADCS;
    }

    public static KindRegistry<DacKind> dacs() {
        return Holder.DACS;
    }
}
