package org.aimc.sim.spec;

import java.io.Serializable;
import java.util.List;

/** A network as its weight layers, with the source of its shapes. */
public record WorkloadSpec(String id, String description, String source, List<LayerSpec> layers)
        implements Serializable {
    public WorkloadSpec {
        Checks.nonBlank("id", id);
        description = description == null ? "" : description;
        Checks.nonBlank("source", source);
        if (layers == null || layers.isEmpty()) {
            throw new SpecException("layers", "a workload needs at least one layer");
        }
        layers = List.copyOf(layers);
    }

    public double macs() {
        double s = 0;
        for (LayerSpec l : layers) {
            s += l.macs();
        }
        return s;
    }
}
