package org.aimc.jobs.cli;

/** Checks a {@code --master} URL before anything starts (Spark's own error comes late and verbose). */
final class Masters {
    private Masters() {
    }

    static void check(String master) {
        if (master == null) {
            return;
        }
        if (master.matches("local(\\[(\\*|[1-9]\\d{0,3})(,[1-9]\\d{0,3})?])?") || master.equals("yarn")
                || master.matches("spark://[^\\s/]+(:\\d{1,5})?(,[^\\s/]+(:\\d{1,5})?)*")
                || master.matches("k8s://\\S+")) {
            return;
        }
        throw new UserError("--master '" + master + "' is not a Spark master URL; use local, local[N], local[*], "
                + "spark://HOST:PORT, yarn or k8s://URL");
    }
}
