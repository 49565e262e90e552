package org.aimc.sim.device;

import org.aimc.sim.registry.KindRegistry;

/** The registry of memory types. */
public final class Devices {
    private static final class Holder {
        static final KindRegistry<DeviceKind> REGISTRY = KindRegistry.load("memory type", DeviceKind.class);
    }

    private Devices() {
    }

    public static KindRegistry<DeviceKind> registry() {
        return Holder.REGISTRY;
    }
}
