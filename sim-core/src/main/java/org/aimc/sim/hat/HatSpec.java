package org.aimc.sim.hat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aimc.sim.config.SpecYaml;
import org.aimc.sim.space.SweepPlan;
import org.aimc.sim.spec.Checks;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.SweepSpec;

/**
 * A training spec ({@code aimc train SPEC}, {@code conf/training/*.yaml}): one or more small sweeps, every
 * point of which is trained, and how ({@link HatSettings}). Several sweeps let one spec hold design points that
 * no single sweep can (different compute domains with their own parameters). Kept small on purpose: at most
 * {@value #MAX_POINTS} points in all and {@value #MAX_RUNS} runs (points × methods × seeds), each a fine-tuning
 * and an evaluation over chip instances.
 *
 * @param name        1-64 letters, digits, '.', '_' or '-'
 * @param description free text
 * @param sweeps      the sweeps whose points are trained (distinct names)
 * @param settings    methods, seeds, schedule, data and evaluation
 */
public record HatSpec(String name, String description, List<SweepSpec> sweeps, HatSettings settings)
        implements Serializable {
    /** Largest number of design points a training spec may hold. */
    public static final int MAX_POINTS = 64;
    /** Largest number of (point, method, seed) runs of a training spec. */
    public static final int MAX_RUNS = 2000;

    /** A design point of the spec: point {@code index} of sweep {@code sweep} (its position in the list). */
    public record PointRef(int sweep, long index) implements Serializable {
    }

    public HatSpec {
        Checks.nonBlank("name", name);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new SpecException("name", "must be 1-64 characters of letters, digits, '.', '_' or '-', got '" + name
                    + "'");
        }
        description = description == null ? "" : description;
        if (sweeps == null || sweeps.isEmpty()) {
            throw new SpecException("sweeps", "needs at least one sweep spec");
        }
        sweeps = List.copyOf(sweeps);
        if (settings == null) {
            throw new SpecException("training", "missing");
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        for (int i = 0; i < sweeps.size(); i++) {
            SweepSpec s = sweeps.get(i);
            if (!names.add(s.name())) {
                throw new SpecException("sweeps[" + i + "].name", "'" + s.name() + "' names two sweeps");
            }
            try {
                total += SweepPlan.of(s).size();
            } catch (SpecException e) {
                throw e.under("sweeps[" + i + "]");
            }
        }
        if (total > MAX_POINTS) {
            throw new SpecException("sweeps", "the sweeps have " + total + " points; a training spec trains at most "
                    + MAX_POINTS + ": narrow the axes");
        }
        for (int i = 0; i < settings.hil().sweeps().size(); i++) {
            String s = settings.hil().sweeps().get(i);
            if (!names.contains(s)) {
                throw new SpecException("training.hil.sweeps[" + i + "]", "unknown sweep '" + s + "'; the spec's: "
                        + sweeps.stream().map(SweepSpec::name).toList());
            }
        }
        long runs = total * settings.methods().size() * settings.seeds().size();
        if (runs > MAX_RUNS) {
            throw new SpecException("training", runs + " runs (points x methods x seeds); at most " + MAX_RUNS);
        }
    }

    /** The plan of sweep {@code i}. */
    public SweepPlan plan(int i) {
        return SweepPlan.of(sweeps.get(i));
    }

    /** Every point trained, sweep by sweep, index by index. */
    public List<PointRef> points() {
        List<PointRef> out = new ArrayList<>();
        for (int i = 0; i < sweeps.size(); i++) {
            long size = plan(i).size();
            for (long p = 0; p < size; p++) {
                out.add(new PointRef(i, p));
            }
        }
        return out;
    }

    /** The canonical text: the settings and every sweep's canonical form. */
    public String canonicalText() {
        StringBuilder sb = new StringBuilder("aimc training spec\nname=" + name + "\n" + settings.canonicalText());
        for (SweepSpec s : sweeps) {
            sb.append("sweep:\n").append(SpecYaml.canonical(s));
        }
        return sb.toString();
    }

    /** SHA-256 of {@link #canonicalText()}. */
    public String specHash() {
        return SpecYaml.hash(canonicalText());
    }
}
