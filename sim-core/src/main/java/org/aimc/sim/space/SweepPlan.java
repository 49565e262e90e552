package org.aimc.sim.space;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aimc.sim.config.SpecYaml;
import org.aimc.sim.device.DeviceKind;
import org.aimc.sim.device.Devices;
import org.aimc.sim.domain.DomainKind;
import org.aimc.sim.domain.Domains;
import org.aimc.sim.peripheral.Peripherals;
import org.aimc.sim.registry.KindRegistry;
import org.aimc.sim.spec.Axis;
import org.aimc.sim.spec.DeviceFamily;
import org.aimc.sim.spec.DeviceSpec;
import org.aimc.sim.spec.DomainSpec;
import org.aimc.sim.spec.ParamDef;
import org.aimc.sim.spec.ParamValues;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.SpecPaths;
import org.aimc.sim.spec.SweepSpec;

/**
 * A validated sweep, ready to run: the spec, its canonical text and hash, and its design space. Building a
 * plan checks everything that can be checked before work starts — every kind id, preset and parameter
 * name of every reachable point, and every axis value against its field's bounds — and reports the YAML
 * path of the first problem.
 */
public final class SweepPlan {
    /** Version of the result-row layout; bump it when columns change meaning. */
    public static final int SCHEMA_VERSION = 5;

    private final SweepSpec spec;
    private final String canonical;
    private final String specHash;
    private final DesignSpace space;

    private SweepPlan(SweepSpec spec) {
        this.space = new DesignSpace(spec.base(), spec.axes()); // first: its size check must precede value checks
        validate(spec);
        this.spec = spec;
        this.canonical = SpecYaml.canonical(spec);
        this.specHash = SpecYaml.hash(canonical);
    }

    public static SweepPlan of(SweepSpec spec) {
        return new SweepPlan(spec);
    }

    /** Parses and plans a YAML sweep spec. */
    public static SweepPlan parse(String yaml) {
        return of(SpecYaml.parseSweep(yaml));
    }

    public SweepSpec spec() {
        return spec;
    }

    public String canonicalText() {
        return canonical;
    }

    public String specHash() {
        return specHash;
    }

    /** Sweep id written into every row: the spec name and the first 12 hex digits of the spec hash. */
    public String sweepId() {
        return spec.name() + "-" + specHash.substring(0, 12);
    }

    public DesignSpace space() {
        return space;
    }

    public long size() {
        return space.size();
    }

    /** Resolved device parameters: kind defaults, then the preset, then overrides. */
    public static ParamValues deviceParams(DeviceSpec d, Map<String, DeviceFamily> families) {
        DeviceKind kind = Devices.registry().require(d.kind());
        DeviceFamily fam = families.get(d.kind());
        if (fam == null) {
            throw new SpecException("device.kind", "no presets for memory type '" + d.kind() + "' in this sweep");
        }
        return ParamValues.resolve(kind.parameters(), fam.preset(d.preset()).values(), d.overrides());
    }

    /** Resolved domain parameters: kind defaults, then overrides. */
    public static ParamValues domainParams(DomainSpec d) {
        DomainKind kind = Domains.registry().require(d.kind());
        return ParamValues.resolve(kind.parameters(), Map.of(), d.overrides());
    }

    // ------------------------------------------------------------------ validation

    private static void validate(SweepSpec s) {
        PointSpec base = s.base();
        List<Axis> axes = s.axes();
        checkKinds(base, axes, "device.kind", Devices.registry());
        checkKinds(base, axes, "domain.kind", Domains.registry());
        checkKinds(base, axes, "dac.kind", Peripherals.dacs());
        checkKinds(base, axes, "adc.kind", Peripherals.adcs());
        // every axis value alone on the base: field bounds
        for (Axis a : axes) {
            SpecPaths.Path path = SpecPaths.resolve(a.path());
            for (int i = 0; i < a.size(); i++) {
                try {
                    path.set(base, a.values().get(i));
                } catch (SpecException e) {
                    throw new SpecException("axes." + a.path() + "[" + i + "]", e.problem());
                }
            }
        }
        // device presets and parameters for every reachable kind
        Set<String> kinds = values(base, axes, "device.kind");
        Set<String> presets = values(base, axes, "device.preset");
        Map<String, Double> baseOverrides = base.device().overrides();
        for (String kind : kinds) {
            DeviceFamily fam = s.devices().get(kind);
            if (fam == null) {
                throw new SpecException("devices", "no presets for memory type '" + kind + "'");
            }
            for (String preset : presets) {
                if (!preset.isEmpty() && !fam.presets().containsKey(preset)) {
                    throw new SpecException(where(axes, "device.preset", preset), "memory type '" + kind
                            + "' has no preset '" + preset + "'; its presets: " + fam.presets().keySet());
                }
                String p = preset;
                deviceCheck(kind, p, baseOverrides, s, "base.device");
                for (Axis a : axes) {
                    if (a.path().startsWith("device.") && !SpecPathsFixed.isFixed(a.path())) {
                        String param = a.path().substring("device.".length());
                        for (int i = 0; i < a.size(); i++) {
                            Map<String, Double> o = new TreeMap<>(baseOverrides);
                            o.put(param, (Double) a.values().get(i));
                            deviceCheck(kind, p, o, s, "axes." + a.path() + "[" + i + "]");
                        }
                    }
                }
            }
        }
        // converter parameters for every reachable converter kind
        converterCheck(base, axes, "adc");
        converterCheck(base, axes, "dac");
        // domain parameters for every reachable domain
        for (String kind : values(base, axes, "domain.kind")) {
            domainCheck(kind, base.domain().overrides(), "base.domain");
            for (Axis a : axes) {
                if (a.path().startsWith("domain.") && !SpecPathsFixed.isFixed(a.path())) {
                    String param = a.path().substring("domain.".length());
                    for (int i = 0; i < a.size(); i++) {
                        Map<String, Double> o = new TreeMap<>(base.domain().overrides());
                        o.put(param, (Double) a.values().get(i));
                        domainCheck(kind, o, "axes." + a.path() + "[" + i + "]");
                    }
                }
            }
        }
    }

    private static void converterCheck(PointSpec base, List<Axis> axes, String section) {
        boolean adc = section.equals("adc");
        Map<String, Double> baseOverrides = adc ? base.adc().overrides() : base.dac().overrides();
        for (String kind : values(base, axes, section + ".kind")) {
            converterParams(adc, kind, baseOverrides, "base." + section);
            for (Axis a : axes) {
                if (a.path().startsWith(section + ".") && !SpecPathsFixed.isFixed(a.path())) {
                    String param = a.path().substring(section.length() + 1);
                    for (int i = 0; i < a.size(); i++) {
                        Map<String, Double> o = new TreeMap<>(baseOverrides);
                        o.put(param, (Double) a.values().get(i));
                        converterParams(adc, kind, o, "axes." + a.path() + "[" + i + "]");
                    }
                }
            }
        }
    }

    private static void converterParams(boolean adc, String kind, Map<String, Double> overrides, String where) {
        try {
            if (adc) {
                Peripherals.adcParams(kind, overrides);
            } else {
                Peripherals.dacParams(kind, overrides);
            }
        } catch (SpecException e) {
            throw new SpecException(where + (e.path().isEmpty() ? "" : "." + e.path()),
                    "for " + (adc ? "ADC" : "input driver") + " kind '" + kind + "': " + e.problem());
        }
    }

    private static void deviceCheck(String kind, String preset, Map<String, Double> overrides, SweepSpec s,
            String where) {
        DeviceSpec d = new DeviceSpec(kind, preset, new TreeMap<>(overrides));
        try {
            ParamValues v = deviceParams(d, s.devices());
            Devices.registry().require(kind).create(v);
        } catch (SpecException e) {
            throw new SpecException(where + (e.path().isEmpty() ? "" : "." + e.path()),
                    "for memory type '" + kind + "': " + e.problem());
        } catch (IllegalArgumentException e) {
            throw new SpecException(where, "for memory type '" + kind + "': " + e.getMessage());
        }
    }

    private static void domainCheck(String kind, Map<String, Double> overrides, String where) {
        try {
            Domains.registry().require(kind).create(domainParams(new DomainSpec(kind, new TreeMap<>(overrides))));
        } catch (SpecException e) {
            throw new SpecException(where + (e.path().isEmpty() ? "" : "." + e.path()),
                    "for compute domain '" + kind + "': " + e.problem());
        } catch (IllegalArgumentException e) {
            throw new SpecException(where, "for compute domain '" + kind + "': " + e.getMessage());
        }
    }

    private static void checkKinds(PointSpec base, List<Axis> axes, String path, KindRegistry<?> reg) {
        boolean onAxis = false;
        for (Axis a : axes) {
            if (a.path().equals(path)) {
                onAxis = true;
                for (int i = 0; i < a.size(); i++) {
                    String id = (String) a.values().get(i);
                    if (reg.find(id).isEmpty()) {
                        throw new SpecException("axes." + path + "[" + i + "]", "unknown " + reg.family() + " '" + id
                                + "'; known: " + reg.ids());
                    }
                }
            }
        }
        if (!onAxis) {
            String id = (String) SpecPaths.resolve(path).get(base);
            if (reg.find(id).isEmpty()) {
                throw new SpecException("base." + path, "unknown " + reg.family() + " '" + id + "'; known: "
                        + reg.ids());
            }
        }
    }

    /** Values a fixed path takes over the sweep: the axis values if it is an axis, else the base value. */
    private static Set<String> values(PointSpec base, List<Axis> axes, String path) {
        Set<String> out = new LinkedHashSet<>();
        for (Axis a : axes) {
            if (a.path().equals(path)) {
                for (Object v : a.values()) {
                    out.add((String) v);
                }
                return out;
            }
        }
        out.add((String) SpecPaths.resolve(path).get(base));
        return out;
    }

    private static String where(List<Axis> axes, String path, String value) {
        for (Axis a : axes) {
            if (a.path().equals(path)) {
                return "axes." + path + "[" + a.values().indexOf(value) + "]";
            }
        }
        return "base." + path;
    }

    /** The fixed-path test, kept here to avoid exposing the table's internals. */
    private static final class SpecPathsFixed {
        private static final Set<String> FIXED = new LinkedHashSet<>();

        static {
            for (SpecPaths.Path p : SpecPaths.fixed()) {
                FIXED.add(p.name());
            }
        }

        static boolean isFixed(String name) {
            return FIXED.contains(name);
        }
    }

    /** Names of every parameter of a kind's schema (for help texts). */
    public static List<String> names(List<ParamDef> defs) {
        List<String> out = new ArrayList<>();
        for (ParamDef d : defs) {
            out.add(d.name());
        }
        return out;
    }
}
