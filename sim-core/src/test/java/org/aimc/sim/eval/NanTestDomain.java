package org.aimc.sim.eval;

import java.util.List;
import org.aimc.sim.accuracy.ErrorBudget;
import org.aimc.sim.domain.ChipKey;
import org.aimc.sim.domain.DomainKind;
import org.aimc.sim.domain.DomainModel;
import org.aimc.sim.domain.TileContext;
import org.aimc.sim.domain.TileBehaviour;
import org.aimc.sim.domain.TileCost;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;

/** A test-only domain whose energy is NaN when its parameter says so: exercises the numerical guard. */
public final class NanTestDomain implements DomainKind {
    @Override
    public String id() {
        return "test-nan";
    }

    @Override
    public String description() {
        return "test only: produces NaN energy when nan = 1";
    }

    @Override
    public List<ParamDef> parameters() {
        return List.of(ParamDef.withDefault("nan", 0, 1, 0, "test", "1 = return NaN energy"));
    }

    @Override
    public DomainModel create(ParamValues p) {
        boolean nan = p.get("nan") == 1;
        return new DomainModel() {
            @Override
            public String infeasibility(TileContext c) {
                return null;
            }

            @Override
            public void cost(TileContext c, int rows, int cols, TileCost out) {
                out.clear();
                out.energyArrayJ = nan ? Double.NaN : 1e-12 * rows * cols;
                out.latencyS = 1e-8;
                out.areaArrayM2 = 1e-9;
            }

            @Override
            public void errors(TileContext c, ErrorBudget out) {
                out.signalPower(1);
            }

            @Override
            public TileBehaviour behaviour(TileContext c, int[][] weights, ChipKey key) {
                throw new UnsupportedOperationException("test-nan has no behavioural model");
            }
        };
    }
}
