package org.aimc.sim.domain;

import org.aimc.sim.registry.KindRegistry;

/** The registry of compute domains. */
public final class Domains {
    private static final class Holder {
        static final KindRegistry<DomainKind> REGISTRY = KindRegistry.load("compute domain", DomainKind.class);
    }

    private Domains() {
    }

    public static KindRegistry<DomainKind> registry() {
        return Holder.REGISTRY;
    }
}
