package org.aimc.jobs.spark;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.aimc.sim.eval.Evaluator;
import org.aimc.sim.eval.ResultColumns;
import org.aimc.sim.eval.ResultRow;
import org.aimc.sim.space.SweepPlan;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Computes and commits one chunk of a sweep: evaluates its points in index order, writes one Parquet file
 * per (memory type, compute domain) into a private staging folder, renames the files into {@code points/}
 * and writes the chunk's marker last. Safe to repeat: a chunk's files have fixed names and identical
 * content on every attempt.
 */
final class ChunkTask {
    private static final int MEM = ResultColumns.indexOf("memory_type");
    private static final int DOM = ResultColumns.indexOf("compute_domain");
    private static final int FEASIBLE = ResultColumns.indexOf("feasible");
    private static final int REASON = ResultColumns.indexOf("infeasible_reason");

    private ChunkTask() {
    }

    static ChunkStats run(SweepPlan plan, Evaluator ev, SweepLayout layout, Configuration conf, int chunk,
            long chunkSize) throws IOException {
        long from = chunk * chunkSize;
        long to = Math.min(plan.size(), from + chunkSize);
        String attempt = UUID.randomUUID().toString();
        Path staging = new Path(layout.stagingDir(), String.format("%06d-%s", chunk, attempt));
        Map<String, ParquetWriter<ResultRow>> writers = new TreeMap<>();
        Map<String, Path> stagedFiles = new TreeMap<>();
        long feasible = 0;
        long failed = 0;
        try {
            ResultRow row = new ResultRow();
            for (long i = from; i < to; i++) {
                ev.evaluate(i, row);
                if (row.getBoolean(FEASIBLE)) {
                    feasible++;
                } else if (row.getString(REASON).startsWith("numerical failure")) {
                    failed++;
                }
                String key = row.getString(MEM) + "/" + row.getString(DOM);
                ParquetWriter<ResultRow> w = writers.get(key);
                if (w == null) {
                    Path file = new Path(staging, key.replace("/", "__") + ".parquet");
                    stagedFiles.put(key, file);
                    w = open(file, conf);
                    writers.put(key, w);
                }
                w.write(row);
            }
        } finally {
            for (ParquetWriter<ResultRow> w : writers.values()) {
                w.close();
            }
        }
        for (Map.Entry<String, Path> e : stagedFiles.entrySet()) {
            String[] md = e.getKey().split("/");
            Path dst = layout.partPath(md[0], md[1], chunk);
            layout.fs().mkdirs(dst.getParent());
            if (layout.fs().exists(dst)) {
                layout.fs().delete(dst, false);
            }
            if (!layout.fs().rename(e.getValue(), dst)) {
                throw new IOException("could not commit " + e.getValue() + " to " + dst);
            }
        }
        ChunkStats stats = new ChunkStats(chunk, to - from, feasible, failed);
        layout.fs().mkdirs(layout.chunksDir());
        layout.writeAtomically(layout.marker(chunk), stats.toJson(), attempt);
        layout.fs().delete(staging, true);
        return stats;
    }

    private static ParquetWriter<ResultRow> open(Path file, Configuration conf) throws IOException {
        OutputFile out = HadoopOutputFile.fromPath(file, conf);
        Builder b = new Builder(out).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        // computed metrics (the nullable numbers) take nearly a distinct value per row: a dictionary only
        // costs hashing before Parquet falls back to plain encoding; axis columns keep theirs
        for (org.aimc.sim.eval.Column c : ResultColumns.all()) {
            if (c.nullable() && c.type() == org.aimc.sim.eval.Column.Type.DOUBLE) {
                b = b.withDictionaryEncoding(c.name(), false);
            }
        }
        return b.build();
    }

    private static final class Builder extends ParquetWriter.Builder<ResultRow, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<ResultRow> getWriteSupport(Configuration conf) {
            return new RowWriteSupport();
        }
    }
}
