package org.aimc.sim.pareto;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a Pareto analysis keeps: the objectives, how many non-dominated layers (ranks), and optional
 * additive ε-dominance boxes.
 *
 * @param objectives the objectives, in the order values are given to {@link ParetoFront.Builder#add}
 * @param depth      ranks kept: 1 keeps the front only, K keeps every point of rank ≤ K
 * @param epsilon    empty for exact dominance, or one box width per objective, in the objective's unit
 *                   (see {@link ParetoFront} for the ε-box rule)
 */
public record ParetoSpec(List<Objective> objectives, int depth, List<Double> epsilon) implements Serializable {
    /** Largest accepted depth: deeper layers are a full sort, not a front. */
    public static final int MAX_DEPTH = 1000;

    public ParetoSpec {
        if (objectives == null || objectives.isEmpty()) {
            throw new IllegalArgumentException("objectives: at least one objective is needed");
        }
        objectives = List.copyOf(objectives);
        HashSet<String> names = new HashSet<>();
        for (Objective o : objectives) {
            if (!names.add(o.name())) {
                throw new IllegalArgumentException("objectives: '" + o.name() + "' is listed twice");
            }
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth: must be in [1, " + MAX_DEPTH + "], got " + depth);
        }
        epsilon = epsilon == null ? List.of() : List.copyOf(epsilon);
        if (!epsilon.isEmpty()) {
            if (epsilon.size() != objectives.size()) {
                throw new IllegalArgumentException("epsilon: one value per objective (" + objectives.size()
                        + "), got " + epsilon.size());
            }
            for (int k = 0; k < epsilon.size(); k++) {
                double e = epsilon.get(k);
                if (!(e > 0) || !Double.isFinite(e)) {
                    throw new IllegalArgumentException("epsilon[" + k + "] (" + objectives.get(k).name()
                            + "): must be finite and > 0, got " + e);
                }
            }
        }
    }

    /** Exact dominance, front only. */
    public static ParetoSpec of(List<Objective> objectives) {
        return new ParetoSpec(objectives, 1, List.of());
    }

    public ParetoSpec withDepth(int d) {
        return new ParetoSpec(objectives, d, epsilon);
    }

    public ParetoSpec withEpsilon(List<Double> e) {
        return new ParetoSpec(objectives, depth, e);
    }

    public int dimensions() {
        return objectives.size();
    }

    /** Objectives as {@code a:min,b:max}. */
    public String objectivesText() {
        return objectives.stream().map(Objective::toString).collect(Collectors.joining(","));
    }
}
