package org.aimc.sim.peripheral;

import java.util.List;
import org.aimc.sim.cost.Technology;
import org.aimc.sim.spec.ParamDef;

/**
 * A reference converter with infinite resolution and no cost, to isolate the other effects of a design
 * point (its energy, latency and area are zero by definition, not a claim about hardware).
 */
public final class IdealAdc implements AdcKind {
    @Override
    public String id() {
        return "ideal";
    }

    @Override
    public String description() {
        return "reference converter: no quantisation, no clipping, zero cost";
    }

    @Override
    public boolean ideal() {
        return true;
    }

    @Override
    public List<ParamDef> parameters() {
        return List.of();
    }

    @Override
    public double energyJ(int bits, Technology tech) {
        return 0;
    }

    @Override
    public double conversionTimeS(int bits, Technology tech) {
        return 0;
    }

    @Override
    public double areaM2(int bits, Technology tech) {
        return 0;
    }
}
