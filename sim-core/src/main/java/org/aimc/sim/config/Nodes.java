package org.aimc.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.aimc.sim.spec.SpecException;

/** Strict access to YAML trees: every failure names the path. */
final class Nodes {
    private Nodes() {
    }

    static String at(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    static void requireObject(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new SpecException(where, "expected a mapping of keys to values, got " + show(n));
        }
    }

    static void checkKeys(JsonNode n, String where, List<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new SpecException(at(where, k), "unknown key '" + k + "'; known: " + allowed);
            }
        }
    }

    static String requiredText(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new SpecException(at(where, key), "missing");
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new SpecException(at(where, key), "expected a non-empty text, got " + show(v));
        }
        return v.textValue();
    }

    static String optionalText(JsonNode n, String key, String where, String dflt) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isTextual()) {
            throw new SpecException(at(where, key), "expected a text, got " + show(v));
        }
        return v.textValue();
    }

    static long requiredLong(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new SpecException(at(where, key), "missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new SpecException(at(where, key), "expected an integer, got " + show(v));
        }
        return v.longValue();
    }

    static int requiredInt(JsonNode n, String key, String where, int min, int max) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new SpecException(at(where, key), "missing");
        }
        double d = SpecYaml.number(v, at(where, key), "an integer");
        if (d != Math.rint(d) || d < min || d > max) {
            throw new SpecException(at(where, key), "expected an integer in [" + min + ", " + max + "], got " + show(v));
        }
        return (int) d;
    }

    static List<Integer> intPair(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        List<Integer> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            throw new SpecException(at(where, key), "missing");
        }
        if (v.isArray() && v.size() == 2) {
            for (int i = 0; i < 2; i++) {
                double d = SpecYaml.number(v.get(i), at(where, key) + "[" + i + "]", "an integer");
                if (d != Math.rint(d) || d < 1 || d > 1 << 20) {
                    throw new SpecException(at(where, key) + "[" + i + "]", "expected an integer in [1, 2^20]");
                }
                out.add((int) d);
            }
            return out;
        }
        int s = requiredInt(n, key, where, 1, 1 << 20);
        out.add(s);
        out.add(s);
        return out;
    }

    /** A short rendering of a node for messages. */
    static String show(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            String t = n.textValue();
            return "'" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.asText();
    }

    static JsonNode scalar(Object v) {
        if (v instanceof Integer i) {
            return IntNode.valueOf(i);
        }
        if (v instanceof Long l) {
            return LongNode.valueOf(l);
        }
        if (v instanceof Double d) {
            return DoubleNode.valueOf(d);
        }
        if (v instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (v instanceof String s) {
            return TextNode.valueOf(s);
        }
        throw new IllegalArgumentException("not a scalar: " + v);
    }
}
