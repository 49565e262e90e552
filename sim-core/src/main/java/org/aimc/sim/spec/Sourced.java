package org.aimc.sim.spec;

import java.io.Serializable;

/** A number with the source it comes from (paper, table or figure; tool and file; or "typical range"). */
public record Sourced(double value, String source) implements Serializable {
    public Sourced {
        Checks.finiteIn("value", value, -Double.MAX_VALUE, Double.MAX_VALUE);
        Checks.nonBlank("source", source);
    }
}
