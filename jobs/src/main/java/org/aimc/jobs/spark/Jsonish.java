package org.aimc.jobs.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading single fields of the small flat JSON files the sweep writes itself. */
final class Jsonish {
    private Jsonish() {
    }

    static long longField(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no field '" + name + "' in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String stringField(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no field '" + name + "' in " + json);
        }
        return m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
