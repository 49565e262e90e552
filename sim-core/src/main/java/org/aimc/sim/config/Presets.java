package org.aimc.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.aimc.sim.device.Devices;
import org.aimc.sim.spec.DeviceFamily;
import org.aimc.sim.spec.DevicePreset;
import org.aimc.sim.spec.LayerSpec;
import org.aimc.sim.spec.Sourced;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.WorkloadSpec;

/**
 * Device presets ({@code conf/devices/<kind>.yaml}) and workloads ({@code conf/workloads/<id>.yaml}),
 * read from the classpath (the build copies {@code conf/} into the sim-core jar, so executors of a cluster
 * have them), and their YAML forms.
 */
public final class Presets {
    private static final Map<String, DeviceFamily> FAMILIES = new ConcurrentHashMap<>();
    private static final Map<String, WorkloadSpec> WORKLOADS = new ConcurrentHashMap<>();

    private Presets() {
    }

    static String resource(String path) {
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preset family of a registered memory type. */
    public static DeviceFamily family(String kind) {
        return FAMILIES.computeIfAbsent(kind, k -> {
            Devices.registry().require(k);
            String text = resource("conf/devices/" + k + ".yaml");
            if (text == null) {
                throw new SpecException("device.kind", "memory type '" + k + "' has no presets (conf/devices/" + k
                        + ".yaml is missing)");
            }
            try {
                return SpecYaml.parseFamily(text, k, "conf/devices/" + k + ".yaml");
            } catch (SpecException e) {
                throw new IllegalStateException("broken preset file: " + e.getMessage(), e);
            }
        });
    }

    /** Ids of the workloads shipped in {@code conf/workloads} (listed in its {@code index.txt}). */
    public static List<String> workloadIds() {
        String idx = resource("conf/workloads/index.txt");
        List<String> ids = new ArrayList<>();
        if (idx != null) {
            for (String line : idx.split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    ids.add(t);
                }
            }
        }
        return ids;
    }

    /** A shipped workload by id. */
    public static WorkloadSpec workload(String id) {
        return WORKLOADS.computeIfAbsent(id, k -> {
            String text = k.matches("[a-z0-9][a-z0-9._-]*") ? resource("conf/workloads/" + k + ".yaml") : null;
            if (text == null) {
                throw new SpecException("workload", "unknown workload '" + k + "'; known: " + workloadIds());
            }
            WorkloadSpec w = parseWorkload(SpecYaml.readTree(text), "conf/workloads/" + k + ".yaml");
            if (!w.id().equals(k)) {
                throw new IllegalStateException("conf/workloads/" + k + ".yaml declares id '" + w.id() + "'");
            }
            return w;
        });
    }

    static DeviceFamily parseFamily(JsonNode n, String expectedKind, String where) {
        Nodes.requireObject(n, where);
        Nodes.checkKeys(n, where, List.of("kind", "default", "presets"));
        String kind = Nodes.requiredText(n, "kind", where);
        if (!kind.equals(expectedKind)) {
            throw new SpecException(Nodes.at(where, "kind"), "expected '" + expectedKind + "', got '" + kind + "'");
        }
        String dflt = Nodes.requiredText(n, "default", where);
        JsonNode presets = n.get("presets");
        String pw = Nodes.at(where, "presets");
        Nodes.requireObject(presets, pw);
        SortedMap<String, DevicePreset> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = presets.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String w = pw + "." + e.getKey();
            JsonNode p = e.getValue();
            Nodes.requireObject(p, w);
            Nodes.checkKeys(p, w, List.of("description", "params"));
            JsonNode params = p.get("params");
            Nodes.requireObject(params, w + ".params");
            SortedMap<String, Sourced> values = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> pi = params.fields(); pi.hasNext();) {
                Map.Entry<String, JsonNode> pe = pi.next();
                String vw = w + ".params." + pe.getKey();
                JsonNode v = pe.getValue();
                Nodes.requireObject(v, vw);
                Nodes.checkKeys(v, vw, List.of("value", "source"));
                JsonNode val = v.get("value");
                if (val == null) {
                    throw new SpecException(vw + ".value", "missing");
                }
                double d = SpecYaml.number(val, vw + ".value", "a number");
                String src = Nodes.requiredText(v, "source", vw);
                values.put(pe.getKey(), new Sourced(d, src));
            }
            map.put(e.getKey(), new DevicePreset(kind, e.getKey(), Nodes.optionalText(p, "description", w, ""),
                    values));
        }
        if (!map.containsKey(dflt)) {
            throw new SpecException(Nodes.at(where, "default"), "unknown preset '" + dflt + "'; presets: "
                    + map.keySet());
        }
        return new DeviceFamily(kind, dflt, map);
    }

    static ObjectNode familyNode(DeviceFamily fam) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        n.put("kind", fam.kind());
        n.put("default", fam.defaultPreset());
        ObjectNode presets = f.objectNode();
        for (DevicePreset p : fam.presets().values()) {
            ObjectNode pn = f.objectNode();
            if (!p.description().isEmpty()) {
                pn.put("description", p.description());
            }
            ObjectNode params = f.objectNode();
            p.params().forEach((k, v) -> {
                ObjectNode vn = f.objectNode();
                vn.put("value", v.value());
                vn.put("source", v.source());
                params.set(k, vn);
            });
            pn.set("params", params);
            presets.set(p.name(), pn);
        }
        n.set("presets", presets);
        return n;
    }

    static final List<String> WORKLOAD_KEYS = List.of("id", "description", "source", "layers");
    static final List<String> DENSE_KEYS = List.of("name", "type", "in", "out", "repeat");
    static final List<String> CONV_KEYS = List.of("name", "type", "in_channels", "out_channels", "kernel", "output",
            "repeat");
    static final List<String> CANON_KEYS = List.of("name", "type", "fan_in", "fan_out", "mvms");

    /**
     * A workload definition. Layers are {@code {name, type: dense, in, out}} or {@code {name, type: conv,
     * in_channels, out_channels, kernel, output}} (kernel and output as one size or [h, w]); an optional
     * {@code repeat} multiplies the MVMs per inference (tokens of a sequence model). The canonical form
     * writes {@code {name, type, fan_in, fan_out, mvms}}, which is accepted too.
     */
    static WorkloadSpec parseWorkload(JsonNode n, String where) {
        Nodes.requireObject(n, where);
        Nodes.checkKeys(n, where, WORKLOAD_KEYS);
        String id = Nodes.requiredText(n, "id", where);
        String description = Nodes.optionalText(n, "description", where, "");
        String source = Nodes.requiredText(n, "source", where);
        JsonNode layers = n.get("layers");
        String lw = Nodes.at(where, "layers");
        if (layers == null || !layers.isArray() || layers.isEmpty()) {
            throw new SpecException(lw, "expected a non-empty list of layers");
        }
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            JsonNode l = layers.get(i);
            String w = lw + "[" + i + "]";
            Nodes.requireObject(l, w);
            String name = Nodes.requiredText(l, "name", w);
            String type = Nodes.requiredText(l, "type", w);
            try {
                if (l.has("fan_in")) {
                    Nodes.checkKeys(l, w, CANON_KEYS);
                    out.add(new LayerSpec(name, type, Nodes.requiredInt(l, "fan_in", w, 1, 1 << 24),
                            Nodes.requiredInt(l, "fan_out", w, 1, 1 << 24), Nodes.requiredLong(l, "mvms", w)));
                } else if (type.equals("dense")) {
                    Nodes.checkKeys(l, w, DENSE_KEYS);
                    int repeat = l.has("repeat") ? Nodes.requiredInt(l, "repeat", w, 1, 1 << 20) : 1;
                    out.add(new LayerSpec(name, type, Nodes.requiredInt(l, "in", w, 1, 1 << 24),
                            Nodes.requiredInt(l, "out", w, 1, 1 << 24), repeat));
                } else if (type.equals("conv")) {
                    Nodes.checkKeys(l, w, CONV_KEYS);
                    int repeat = l.has("repeat") ? Nodes.requiredInt(l, "repeat", w, 1, 1 << 20) : 1;
                    List<Integer> k = Nodes.intPair(l, "kernel", w);
                    List<Integer> o = Nodes.intPair(l, "output", w);
                    int inCh = Nodes.requiredInt(l, "in_channels", w, 1, 1 << 20);
                    int outCh = Nodes.requiredInt(l, "out_channels", w, 1, 1 << 24);
                    long fanIn = (long) inCh * k.get(0) * k.get(1);
                    if (fanIn > 1 << 24) {
                        throw new SpecException(w, "in_channels x kernel exceeds 2^24");
                    }
                    out.add(new LayerSpec(name, type, (int) fanIn, outCh, (long) o.get(0) * o.get(1) * repeat));
                } else {
                    throw new SpecException(w + ".type", "unknown layer type '" + type + "'; known: " + LayerSpec.TYPES);
                }
            } catch (SpecException e) {
                if (e.path().startsWith(where)) {
                    throw e;
                }
                throw e.under(w);
            }
        }
        return new WorkloadSpec(id, description, source, out);
    }

    static ObjectNode workloadNode(WorkloadSpec w) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        n.put("id", w.id());
        if (!w.description().isEmpty()) {
            n.put("description", w.description());
        }
        n.put("source", w.source());
        ArrayNode layers = f.arrayNode();
        for (LayerSpec l : w.layers()) {
            ObjectNode ln = f.objectNode();
            ln.put("name", l.name());
            ln.put("type", l.type());
            ln.put("fan_in", l.fanIn());
            ln.put("fan_out", l.fanOut());
            ln.put("mvms", l.mvms());
            layers.add(ln);
        }
        n.set("layers", layers);
        return n;
    }
}
