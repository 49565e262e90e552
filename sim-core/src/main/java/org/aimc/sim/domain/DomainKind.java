package org.aimc.sim.domain;

import java.util.List;
import org.aimc.sim.registry.Kind;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/**
 * A compute domain (physics.md §1.2, §2): how inputs meet weights and how sums form. One implementation
 * per domain, registered in {@code META-INF/services/org.aimc.sim.domain.DomainKind}.
 */
public interface DomainKind extends Kind {
    /** The domain's circuit parameters, each with its default and the source of that default. */
    List<ParamDef> parameters();

    DomainModel create(ParamValues params);
}
