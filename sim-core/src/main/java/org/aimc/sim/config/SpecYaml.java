package org.aimc.sim.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.aimc.sim.spec.Axis;
import org.aimc.sim.spec.DeviceFamily;
import org.aimc.sim.spec.PointSpec;
import org.aimc.sim.spec.SpecException;
import org.aimc.sim.spec.SpecPaths;
import org.aimc.sim.spec.SweepSpec;
import org.aimc.sim.spec.WorkloadSpec;

/**
 * YAML to spec records and back. Parsing is strict: unknown keys, wrong types, non-finite numbers and
 * duplicate keys are errors naming the YAML path and what is allowed. The canonical form is the spec
 * written back with every default filled in and the device presets and workload it uses inlined; its
 * SHA-256 is the spec hash stored with every result row.
 */
public final class SpecYaml {
    /** Top-level keys of a sweep spec. */
    public static final List<String> TOP_KEYS = List.of("name", "description", "seed", "workload", "base", "axes",
            "devices");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?");

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private SpecYaml() {
    }

    /** Reads a YAML document into a tree; syntax errors become {@link SpecException}s with the location. */
    public static JsonNode readTree(String text) {
        try {
            rejectAliases(text);
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode() || n.isNull()) {
                throw new SpecException("", "the document is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            String loc = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new SpecException("", "YAML syntax error" + loc + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new SpecException("", "cannot read YAML: " + e.getMessage());
        }
    }

    /**
     * YAML aliases ({@code *name}) would be read as plain text by the tree model; specs do not need them and
     * they are the vehicle of "billion laughs" documents, so they are an error.
     */
    private static void rejectAliases(String text) throws java.io.IOException {
        try (com.fasterxml.jackson.dataformat.yaml.YAMLParser p =
                (com.fasterxml.jackson.dataformat.yaml.YAMLParser) MAPPER.getFactory().createParser(text)) {
            while (p.nextToken() != null) {
                if (p.isCurrentAlias()) {
                    throw new SpecException("", "YAML aliases are not supported in specs (alias *" + p.getText()
                            + " at line " + p.currentLocation().getLineNr() + "); write the values out");
                }
            }
        }
    }

    /**
     * Parses a sweep spec. Workloads and device presets that the document does not inline are read from
     * the classpath ({@code conf/workloads/<id>.yaml}, {@code conf/devices/<kind>.yaml}).
     */
    public static SweepSpec parseSweep(String text) {
        JsonNode root = readTree(text);
        Nodes.requireObject(root, "");
        Nodes.checkKeys(root, "", TOP_KEYS);
        String name = Nodes.requiredText(root, "name", "");
        String description = Nodes.optionalText(root, "description", "", "");
        long seed = Nodes.requiredLong(root, "seed", "");
        PointSpec base = parseBase(root.get("base"));
        List<Axis> axes = parseAxes(root.get("axes"));
        WorkloadSpec workload = parseWorkloadRef(root.get("workload"));
        SortedMap<String, DeviceFamily> inline = new TreeMap<>();
        JsonNode dev = root.get("devices");
        if (dev != null) {
            Nodes.requireObject(dev, "devices");
            for (Iterator<Map.Entry<String, JsonNode>> it = dev.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                inline.put(e.getKey(), Presets.parseFamily(e.getValue(), e.getKey(), "devices." + e.getKey()));
            }
        }
        SortedMap<String, DeviceFamily> families = new TreeMap<>();
        for (String kind : deviceKindsUsed(base, axes)) {
            DeviceFamily f = inline.get(kind);
            if (f != null) {
                families.put(kind, f);
            } else if (org.aimc.sim.device.Devices.registry().find(kind).isPresent()) {
                families.put(kind, Presets.family(kind));
            }
            // unknown kinds are reported with their YAML path by SweepPlan
        }
        return new SweepSpec(name, description, seed, workload, base, axes, families);
    }

    /** Device kinds a sweep can reach: the base kind and every value of a {@code device.kind} axis. */
    public static Set<String> deviceKindsUsed(PointSpec base, List<Axis> axes) {
        Set<String> kinds = new LinkedHashSet<>();
        boolean axis = false;
        for (Axis a : axes) {
            if (a.path().equals("device.kind")) {
                axis = true;
                for (Object v : a.values()) {
                    kinds.add((String) v);
                }
            }
        }
        if (!axis) {
            kinds.add(base.device().kind());
        }
        return kinds;
    }

    static PointSpec parseBase(JsonNode base) {
        PointSpec p = PointSpec.DEFAULTS;
        if (base == null || base.isNull()) {
            return p;
        }
        Nodes.requireObject(base, "base");
        Nodes.checkKeys(base, "base", SpecPaths.SECTIONS);
        for (String section : SpecPaths.SECTIONS) {
            JsonNode sec = base.get(section);
            if (sec == null) {
                continue;
            }
            String where = "base." + section;
            Nodes.requireObject(sec, where);
            for (Iterator<Map.Entry<String, JsonNode>> it = sec.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String pathName = section + "." + e.getKey();
                SpecPaths.Path path;
                try {
                    path = SpecPaths.resolve(pathName);
                } catch (SpecException ex) {
                    throw new SpecException(where + "." + e.getKey(), ex.problem());
                }
                Object v = value(e.getValue(), path.type(), where + "." + e.getKey());
                p = apply(p, path, v, where + "." + e.getKey());
            }
        }
        return p;
    }

    static PointSpec apply(PointSpec p, SpecPaths.Path path, Object v, String where) {
        try {
            return path.set(p, v);
        } catch (SpecException ex) {
            throw new SpecException(where, ex.problem());
        } catch (IllegalArgumentException ex) {
            throw new SpecException(where, ex.getMessage());
        }
    }

    static List<Axis> parseAxes(JsonNode axesNode) {
        List<Axis> axes = new ArrayList<>();
        if (axesNode == null || axesNode.isNull()) {
            return axes;
        }
        Nodes.requireObject(axesNode, "axes");
        for (Iterator<Map.Entry<String, JsonNode>> it = axesNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "axes." + e.getKey();
            SpecPaths.Path path;
            try {
                path = SpecPaths.resolve(e.getKey());
            } catch (SpecException ex) {
                throw new SpecException(where, ex.problem());
            }
            JsonNode list = e.getValue();
            if (list == null || !list.isArray()) {
                throw new SpecException(where, "an axis is a list of values, e.g. [64, 128, 256]");
            }
            if (list.isEmpty()) {
                throw new SpecException(where, "an axis needs at least one value");
            }
            List<Object> values = new ArrayList<>();
            Set<Object> seen = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Object v = value(list.get(i), path.type(), where + "[" + i + "]");
                if (!seen.add(v)) {
                    throw new SpecException(where + "[" + i + "]", "duplicate value " + v + " on one axis");
                }
                values.add(v);
            }
            axes.add(new Axis(e.getKey(), values));
        }
        return axes;
    }

    /** Converts a YAML scalar to the Java type of a path; wrong types are errors naming the path. */
    static Object value(JsonNode n, SpecPaths.Type type, String where) {
        switch (type) {
            case INT: {
                double d = number(n, where, "an integer");
                if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    throw new SpecException(where, "expected an integer, got " + Nodes.show(n));
                }
                return (int) d;
            }
            case DOUBLE:
                return number(n, where, "a number");
            case BOOL:
                if (!n.isBoolean()) {
                    throw new SpecException(where, "expected true or false, got " + Nodes.show(n));
                }
                return n.booleanValue();
            case STRING:
                if (!n.isTextual()) {
                    throw new SpecException(where, "expected a name, got " + Nodes.show(n));
                }
                return n.textValue();
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    static double number(JsonNode n, String where, String what) {
        double d;
        if (n.isNumber()) {
            d = n.doubleValue();
        } else if (n.isTextual() && NUMBER.matcher(n.textValue().trim()).matches()
                && n.textValue().trim().matches(".*\\d.*")) {
            d = Double.parseDouble(n.textValue().trim().replace("_", ""));
        } else {
            throw new SpecException(where, "expected " + what + ", got " + Nodes.show(n));
        }
        if (!Double.isFinite(d)) {
            throw new SpecException(where, "expected a finite number, got " + Nodes.show(n));
        }
        return d;
    }

    static WorkloadSpec parseWorkloadRef(JsonNode n) {
        if (n == null || n.isNull()) {
            throw new SpecException("workload", "missing; name one of " + Presets.workloadIds()
                    + " or define it inline");
        }
        if (n.isTextual()) {
            return Presets.workload(n.textValue());
        }
        return Presets.parseWorkload(n, "workload");
    }

    // ------------------------------------------------------------------ canonical form

    /**
     * The canonical text of a sweep: every section of the base with all fields, axes in order, the
     * workload and the device families inlined, in a fixed key order. Parsing it gives an equal spec.
     */
    public static String canonical(SweepSpec s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("name", s.name());
        if (!s.description().isEmpty()) {
            root.put("description", s.description());
        }
        root.put("seed", s.seed());
        root.set("workload", Presets.workloadNode(s.workload()));
        root.set("base", pointNode(s.base()));
        ObjectNode axes = f.objectNode();
        for (Axis a : s.axes()) {
            ArrayNode vals = f.arrayNode();
            for (Object v : a.values()) {
                vals.add(Nodes.scalar(v));
            }
            axes.set(a.path(), vals);
        }
        root.set("axes", axes);
        ObjectNode devices = f.objectNode();
        for (DeviceFamily fam : s.devices().values()) {
            devices.set(fam.kind(), Presets.familyNode(fam));
        }
        root.set("devices", devices);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A design point as a YAML tree of sections (all fields, canonical order). */
    public static ObjectNode pointNode(PointSpec p) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode base = f.objectNode();
        for (String section : SpecPaths.SECTIONS) {
            ObjectNode sec = f.objectNode();
            for (SpecPaths.Path path : SpecPaths.ofSection(section)) {
                Object v = path.get(p);
                if (path.name().equals("device.preset") && "".equals(v)) {
                    continue;
                }
                // left out at its default, so specs without local weight multiplexing keep their hash
                if (path.name().equals("array.weights_per_compute_cell") && Integer.valueOf(1).equals(v)) {
                    continue;
                }
                sec.set(path.key(), Nodes.scalar(v));
            }
            Map<String, Double> overrides = switch (section) {
                case "device" -> p.device().overrides();
                case "domain" -> p.domain().overrides();
                case "adc" -> p.adc().overrides();
                case "dac" -> p.dac().overrides();
                default -> Map.of();
            };
            overrides.forEach((k, v) -> sec.put(k, v));
            base.set(section, sec);
        }
        return base;
    }

    /** Lower-case hex SHA-256 of the canonical text. */
    public static String hash(String canonicalText) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(canonicalText.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64);
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a device family document ({@code conf/devices/<kind>.yaml}). */
    public static DeviceFamily parseFamily(String text, String expectedKind, String where) {
        return Presets.parseFamily(readTree(text), expectedKind, where);
    }
}
