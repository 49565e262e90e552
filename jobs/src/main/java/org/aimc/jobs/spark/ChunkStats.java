package org.aimc.jobs.spark;

import java.io.Serializable;

/** What one committed chunk held: returned by tasks and recorded in the chunk's marker. */
public final class ChunkStats implements Serializable {
    private static final long serialVersionUID = 1L;
    public int chunk;
    public long points;
    public long feasible;
    public long failed;

    public ChunkStats() {
    }

    public ChunkStats(int chunk, long points, long feasible, long failed) {
        this.chunk = chunk;
        this.points = points;
        this.feasible = feasible;
        this.failed = failed;
    }

    String toJson() {
        return "{\"chunk\":" + chunk + ",\"points\":" + points + ",\"feasible\":" + feasible + ",\"failed\":" + failed
                + "}";
    }

    static ChunkStats fromJson(String s) {
        ChunkStats c = new ChunkStats();
        c.chunk = (int) Jsonish.longField(s, "chunk");
        c.points = Jsonish.longField(s, "points");
        c.feasible = Jsonish.longField(s, "feasible");
        c.failed = Jsonish.longField(s, "failed");
        return c;
    }
}
