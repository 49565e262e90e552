package org.aimc.sim.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aimc.sim.hat.ChipPhysics;
import org.aimc.sim.hat.HatMethod;
import org.aimc.sim.hat.HatSettings;
import org.aimc.sim.hat.HatSpec;
import org.aimc.sim.hat.ModelMvm;
import org.aimc.sim.nn.TrainingSpec;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.SweepSpec;

/**
 * YAML to a training spec ({@link HatSpec}), strictly: unknown keys and wrong types are errors naming their
 * path. The document:
 * <pre>
 * name: hat-acceptance
 * description: ...                 # optional
 * sweeps:                          # one or more sweep specs (conf/sweeps format); all their points are trained
 *   - name: noise-point            #   (at most 64 points in all)
 *     seed: 7
 *     workload: fashion-mlp        #   the same workload in every sweep
 *     base: {...}
 *     axes: {...}
 * training:
 *   methods: [baseline, noise-injection, physical, hardware-in-loop, in-silico]
 *   seeds: [1, 2]
 *   epochs: 2
 *   optimizer: adam                # adam | sgd (default adam, paper β and ε)
 *   learning_rate: 0.001           # default 0.001
 *   schedule: cosine               # constant | cosine (default cosine)
 *   momentum: 0.9                  # sgd only (default 0.9)
 *   weight_decay: 0                # default 0
 *   batch_size: 128                # default 128
 *   train_images: 60000            # default 60000
 *   test_images: 2000              # default 10000
 *   calibration_images: 2000       # default 2000
 *   chips: 5                       # default 5
 *   times_s: [3600]                # default [3600]
 *   eval_batch: 200                # default 200
 *   hil: {reprogram_steps: 10, twin: probabilistic, train_images: 10000, sweeps: [noise-point]}  # sweeps: default all
 *   chip_physics: {charge_input_ohm: 0, charge_node_cap_f: 0}
 * </pre>
 */
public final class HatSpecYaml {
    /** Top-level keys. */
    public static final List<String> TOP_KEYS = List.of("name", "description", "sweeps", "training");
    /** Keys of the {@code training} section. */
    public static final List<String> TRAINING_KEYS = List.of("methods", "seeds", "epochs", "optimizer",
            "learning_rate", "schedule", "momentum", "weight_decay", "batch_size", "train_images", "test_images",
            "calibration_images", "chips", "times_s", "eval_batch", "hil", "chip_physics");
    /** Keys of {@code training.hil}. */
    public static final List<String> HIL_KEYS = List.of("reprogram_steps", "twin", "train_images", "sweeps");
    /** Keys of {@code training.chip_physics}. */
    public static final List<String> CHIP_KEYS = List.of("charge_input_ohm", "charge_node_cap_f");
    /** Values of {@code training.hil.twin}. */
    public static final List<String> TWINS = List.of("probabilistic", "physical");

    private static final YAMLMapper WRITER = new YAMLMapper();

    private HatSpecYaml() {
    }

    /** Parses a training spec. */
    public static HatSpec parse(String text) {
        JsonNode root = SpecYaml.readTree(text);
        Nodes.requireObject(root, "");
        Nodes.checkKeys(root, "", TOP_KEYS);
        String name = Nodes.requiredText(root, "name", "");
        String description = Nodes.optionalText(root, "description", "", "");
        JsonNode sw = root.get("sweeps");
        if (sw == null || sw.isNull()) {
            throw new SpecException("sweeps", "missing: the sweep specs whose points are trained");
        }
        if (!sw.isArray() || sw.size() == 0) {
            throw new SpecException("sweeps", "expected a non-empty list of sweep specs, got " + Nodes.show(sw));
        }
        List<SweepSpec> sweeps = new ArrayList<>();
        for (int i = 0; i < sw.size(); i++) {
            String where = "sweeps[" + i + "]";
            Nodes.requireObject(sw.get(i), where);
            SweepSpec s;
            try {
                s = SpecYaml.parseSweep(WRITER.writeValueAsString(sw.get(i)));
            } catch (SpecException e) {
                throw e.under(where);
            } catch (JsonProcessingException e) {
                throw new SpecException(where, "cannot read: " + e.getOriginalMessage());
            }
            if (i > 0 && !s.workload().id().equals(sweeps.get(0).workload().id())) {
                throw new SpecException(where + ".workload", "is '" + s.workload().id() + "', the first sweep's is '"
                        + sweeps.get(0).workload().id() + "': one spec trains one workload");
            }
            sweeps.add(s);
        }
        JsonNode tr = root.get("training");
        if (tr == null || tr.isNull()) {
            throw new SpecException("training", "missing: methods, seeds, epochs, ...");
        }
        Nodes.requireObject(tr, "training");
        Nodes.checkKeys(tr, "training", TRAINING_KEYS);
        try {
            return new HatSpec(name, description, sweeps, settings(tr));
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SpecException("training", e.getMessage());
        }
    }

    private static HatSettings settings(JsonNode tr) {
        List<HatMethod> methods = new ArrayList<>();
        JsonNode m = list(tr, "methods", "training");
        for (int i = 0; i < m.size(); i++) {
            String where = "training.methods[" + i + "]";
            if (!m.get(i).isTextual()) {
                throw new SpecException(where, "expected a method id, one of " + HatMethod.ids());
            }
            try {
                methods.add(HatMethod.of(m.get(i).textValue()));
            } catch (IllegalArgumentException e) {
                throw new SpecException(where, e.getMessage());
            }
        }
        List<Long> seeds = new ArrayList<>();
        JsonNode s = list(tr, "seeds", "training");
        for (int i = 0; i < s.size(); i++) {
            seeds.add(integer(s.get(i), "training.seeds[" + i + "]"));
        }
        int epochs = Nodes.requiredInt(tr, "epochs", "training", 1, 1000);
        String optimizer = Nodes.optionalText(tr, "optimizer", "training", "adam");
        if (!TrainingSpec.OPTIMIZERS.contains(optimizer)) {
            throw new SpecException("training.optimizer", "unknown optimizer '" + optimizer + "'; known: "
                    + TrainingSpec.OPTIMIZERS);
        }
        double lr = optionalNumber(tr, "learning_rate", 1e-3);
        String schedule = Nodes.optionalText(tr, "schedule", "training", "cosine");
        if (!TrainingSpec.SCHEDULES.contains(schedule)) {
            throw new SpecException("training.schedule", "unknown schedule '" + schedule + "'; known: "
                    + TrainingSpec.SCHEDULES);
        }
        double momentum = optionalNumber(tr, "momentum", 0.9);
        double wd = optionalNumber(tr, "weight_decay", 0);
        int batch = optionalInt(tr, "batch_size", 128, 1, 1 << 16);
        TrainingSpec ts;
        try {
            ts = optimizer.equals("adam") ? TrainingSpec.adam(lr, schedule, wd, batch, epochs, 0)
                    : TrainingSpec.sgd(lr, schedule, momentum, wd, batch, epochs, 0);
        } catch (IllegalArgumentException e) {
            throw new SpecException("training", e.getMessage());
        }
        int train = optionalInt(tr, "train_images", 60_000, 1, 10_000_000);
        int test = optionalInt(tr, "test_images", 10_000, 1, 10_000_000);
        int calib = optionalInt(tr, "calibration_images", 2000, 1, 10_000_000);
        int chips = optionalInt(tr, "chips", 5, 1, 1024);
        List<Double> times = new ArrayList<>();
        JsonNode t = tr.get("times_s");
        if (t == null || t.isNull()) {
            times.add(3600.0);
        } else {
            if (!t.isArray()) {
                throw new SpecException("training.times_s", "expected a list of times, got " + Nodes.show(t));
            }
            for (int i = 0; i < t.size(); i++) {
                times.add(SpecYaml.number(t.get(i), "training.times_s[" + i + "]", "a time in seconds"));
            }
        }
        int evalBatch = optionalInt(tr, "eval_batch", 200, 1, 1 << 16);
        HatSettings.Hil hil = hil(tr.get("hil"), train);
        ChipPhysics chip = chip(tr.get("chip_physics"));
        return new HatSettings(methods, seeds, epochs, ts, train, test, calib, chips, times, evalBatch, hil, chip);
    }

    private static HatSettings.Hil hil(JsonNode h, int trainImages) {
        if (h == null || h.isNull()) {
            return new HatSettings.Hil(10, ModelMvm.Model.PROBABILISTIC, Math.min(10_000, trainImages), List.of());
        }
        Nodes.requireObject(h, "training.hil");
        Nodes.checkKeys(h, "training.hil", HIL_KEYS);
        int steps = optionalInt(h, "reprogram_steps", 10, 1, 1_000_000, "training.hil");
        String twin = Nodes.optionalText(h, "twin", "training.hil", "probabilistic");
        if (!TWINS.contains(twin)) {
            throw new SpecException("training.hil.twin", "unknown twin '" + twin + "'; known: " + TWINS);
        }
        int images = optionalInt(h, "train_images", Math.min(10_000, trainImages), 1, 10_000_000, "training.hil");
        List<String> sweeps = new ArrayList<>();
        JsonNode p = h.get("sweeps");
        if (p != null && !p.isNull()) {
            if (!p.isArray()) {
                throw new SpecException("training.hil.sweeps", "expected a list of sweep names, got " + Nodes.show(p));
            }
            for (int i = 0; i < p.size(); i++) {
                if (!p.get(i).isTextual()) {
                    throw new SpecException("training.hil.sweeps[" + i + "]", "expected a sweep name, got "
                            + Nodes.show(p.get(i)));
                }
                sweeps.add(p.get(i).textValue());
            }
        }
        return new HatSettings.Hil(steps, ModelMvm.Model.valueOf(twin.toUpperCase(Locale.ROOT)), images, sweeps);
    }

    private static ChipPhysics chip(JsonNode c) {
        if (c == null || c.isNull()) {
            return ChipPhysics.NONE;
        }
        Nodes.requireObject(c, "training.chip_physics");
        Nodes.checkKeys(c, "training.chip_physics", CHIP_KEYS);
        double r = c.has("charge_input_ohm") ? SpecYaml.number(c.get("charge_input_ohm"),
                "training.chip_physics.charge_input_ohm", "a resistance in ohm") : 0;
        double cap = c.has("charge_node_cap_f") ? SpecYaml.number(c.get("charge_node_cap_f"),
                "training.chip_physics.charge_node_cap_f", "a capacitance in F") : 0;
        try {
            return new ChipPhysics(r, cap);
        } catch (SpecException e) {
            throw e.under("training.chip_physics");
        }
    }

    private static JsonNode list(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new SpecException(Nodes.at(where, key), "missing");
        }
        if (!v.isArray() || v.size() == 0) {
            throw new SpecException(Nodes.at(where, key), "expected a non-empty list, got " + Nodes.show(v));
        }
        return v;
    }

    private static long integer(JsonNode v, String where) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new SpecException(where, "expected an integer, got " + Nodes.show(v));
        }
        return v.longValue();
    }

    private static double optionalNumber(JsonNode n, String key, double dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : SpecYaml.number(v, "training." + key, "a number");
    }

    private static int optionalInt(JsonNode n, String key, int dflt, int min, int max) {
        return optionalInt(n, key, dflt, min, max, "training");
    }

    private static int optionalInt(JsonNode n, String key, int dflt, int min, int max, String where) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : Nodes.requiredInt(n, key, where, min, max);
    }
}
