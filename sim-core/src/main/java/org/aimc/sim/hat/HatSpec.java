package org.aimc.sim.hat;

import java.io.Serializable;
import java.util.List;
import org.aimc.sim.config.SpecYaml;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.Checks;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.SweepSpec;

/**
 * A training spec ({@code aimc train SPEC}, {@code conf/training/*.yaml}): a sweep whose design points are
 * trained (all of them, or the listed indices), and how ({@link HatSettings}). Kept small on purpose: at most
 * {@value #MAX_POINTS} points and {@value #MAX_RUNS} runs (points × methods × seeds), each a fine-tuning and
 * an evaluation over chip instances.
 *
 * @param name        1-64 letters, digits, '.', '_' or '-'
 * @param description free text
 * @param sweep       the sweep spec of the points
 * @param points      indices of the sweep to train (empty: every point)
 * @param settings    methods, seeds, schedule, data and evaluation
 */
public record HatSpec(String name, String description, SweepSpec sweep, List<Long> points, HatSettings settings)
        implements Serializable {
    /** Largest number of design points a training spec may list. */
    public static final int MAX_POINTS = 64;
    /** Largest number of (point, method, seed) runs of a training spec. */
    public static final int MAX_RUNS = 2000;

    public HatSpec {
        Checks.nonBlank("name", name);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new SpecException("name", "must be 1-64 characters of letters, digits, '.', '_' or '-', got '" + name
                    + "'");
        }
        description = description == null ? "" : description;
        if (sweep == null) {
            throw new SpecException("sweep", "missing");
        }
        if (settings == null) {
            throw new SpecException("training", "missing");
        }
        points = List.copyOf(points == null ? List.of() : points);
        long size;
        try {
            size = SweepPlan.of(sweep).size();
        } catch (SpecException e) {
            throw e.under("sweep");
        }
        if (points.isEmpty() && size > MAX_POINTS) {
            throw new SpecException("points", "the sweep has " + size + " points; a training spec trains at most "
                    + MAX_POINTS + ": list the indices to train (points: [..]) or narrow the axes");
        }
        if (points.size() > MAX_POINTS) {
            throw new SpecException("points", "lists " + points.size() + " points; at most " + MAX_POINTS);
        }
        for (int i = 0; i < points.size(); i++) {
            long p = points.get(i);
            if (p < 0 || p >= size) {
                throw new SpecException("points[" + i + "]", "index " + p + " outside the sweep's [0, " + (size - 1)
                        + "]");
            }
        }
        if (points.stream().distinct().count() != points.size()) {
            throw new SpecException("points", "lists an index twice: " + points);
        }
        long runs = (points.isEmpty() ? size : points.size()) * settings.methods().size() * settings.seeds().size();
        if (runs > MAX_RUNS) {
            throw new SpecException("training", runs + " runs (points x methods x seeds); at most " + MAX_RUNS);
        }
    }

    /** The indices trained, ascending order of the list (every point when none are listed). */
    public List<Long> pointIndices() {
        if (!points.isEmpty()) {
            return points;
        }
        long size = SweepPlan.of(sweep).size();
        return java.util.stream.LongStream.range(0, size).boxed().toList();
    }

    /** The canonical text: the sweep's canonical form, the points and the settings. */
    public String canonicalText() {
        return "aimc training spec\nname=" + name + "\npoints=" + points + "\n" + settings.canonicalText() + "sweep:\n"
                + SpecYaml.canonical(sweep);
    }

    /** SHA-256 of {@link #canonicalText()}. */
    public String specHash() {
        return SpecYaml.hash(canonicalText());
    }
}
