package org.aimc.jobs.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a sweep's output lives (any Hadoop path: {@code file:}, {@code hdfs:}, {@code s3a:}):
 * <pre>
 *   OUT/spec.yaml                      canonical spec
 *   OUT/run.json                       run metadata (times, host, Spark version)
 *   OUT/points/memory_type=M/compute_domain=D/part-CCCCCC.parquet
 *   OUT/_sweep/manifest.json           spec hash, size, chunk size
 *   OUT/_sweep/chunks/CCCCCC.done      one marker per committed chunk
 *   OUT/_sweep/staging/                files being written
 * </pre>
 * A chunk commits by renaming its finished files into {@code points/} and then writing its marker
 * (itself written to a temporary name and renamed). A chunk without marker is not done: its stray files
 * are removed before it is computed again.
 */
public final class SweepLayout {
    public static final String POINTS = "points";
    private final Path root;
    private final FileSystem fs;

    public SweepLayout(Path root, Configuration conf) throws IOException {
        this.fs = root.getFileSystem(conf);
        this.root = fs.makeQualified(root);
    }

    public Path root() {
        return root;
    }

    public FileSystem fs() {
        return fs;
    }

    public Path points() {
        return new Path(root, POINTS);
    }

    public Path manifest() {
        return new Path(root, "_sweep/manifest.json");
    }

    public Path chunksDir() {
        return new Path(root, "_sweep/chunks");
    }

    public Path stagingDir() {
        return new Path(root, "_sweep/staging");
    }

    public Path marker(int chunk) {
        return new Path(chunksDir(), String.format("%06d.done", chunk));
    }

    public static String partFile(int chunk) {
        return String.format("part-%06d.parquet", chunk);
    }

    public Path partPath(String memoryType, String domain, int chunk) {
        return new Path(points(), "memory_type=" + memoryType + "/compute_domain=" + domain + "/" + partFile(chunk));
    }

    /** True when the directory does not exist or holds nothing. */
    public boolean isEmpty() throws IOException {
        if (!fs.exists(root)) {
            return true;
        }
        FileStatus st = fs.getFileStatus(root);
        if (!st.isDirectory()) {
            return false;
        }
        return fs.listStatus(root).length == 0;
    }

    public boolean exists() throws IOException {
        return fs.exists(root);
    }

    public boolean isSweepOutput() throws IOException {
        return fs.exists(manifest());
    }

    /** Chunks with a marker. */
    public List<Integer> doneChunks() throws IOException {
        List<Integer> out = new ArrayList<>();
        if (!fs.exists(chunksDir())) {
            return out;
        }
        for (FileStatus s : fs.listStatus(chunksDir())) {
            String n = s.getPath().getName();
            if (n.matches("\\d{6}\\.done")) {
                out.add(Integer.parseInt(n.substring(0, 6)));
            }
        }
        return out;
    }

    public ChunkStats readMarker(int chunk) throws IOException {
        return ChunkStats.fromJson(read(marker(chunk)));
    }

    /** Removes files of chunks that were not committed (leftovers of a killed run). */
    public int removeStrayParts(java.util.Set<Integer> pending) throws IOException {
        int removed = 0;
        if (!fs.exists(points())) {
            return 0;
        }
        for (FileStatus m : fs.listStatus(points())) {
            if (!m.isDirectory()) {
                continue;
            }
            for (FileStatus d : fs.listStatus(m.getPath())) {
                if (!d.isDirectory()) {
                    continue;
                }
                for (FileStatus f : fs.listStatus(d.getPath())) {
                    String n = f.getPath().getName();
                    if (n.matches("part-\\d{6}\\.parquet") && pending.contains(Integer.parseInt(n.substring(5, 11)))) {
                        fs.delete(f.getPath(), false);
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    /** Removes staging folders of the given chunks (named {@code CCCCCC-attempt}). */
    public void removeStaging(java.util.Set<Integer> chunks) throws IOException {
        if (!fs.exists(stagingDir())) {
            return;
        }
        for (FileStatus s : fs.listStatus(stagingDir())) {
            String n = s.getPath().getName();
            if (n.matches("\\d{6}-.*") && chunks.contains(Integer.parseInt(n.substring(0, 6)))) {
                fs.delete(s.getPath(), true);
            }
        }
    }

    /**
     * Creates {@code p} with {@code text} unless it exists; when it exists (another shard created it) its
     * content must be the same.
     */
    public void createIfAbsent(Path p, String text) throws IOException {
        if (!fs.exists(p)) {
            writeAtomically(p, text, java.util.UUID.randomUUID().toString());
        }
        String existing = read(p);
        if (!existing.equals(text)) {
            throw new IOException(p + " exists with other content; the output belongs to another sweep");
        }
    }

    public void write(Path p, String text) throws IOException {
        try (OutputStream out = fs.create(p, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes {@code text} to {@code p} through a temporary file and a rename. */
    public void writeAtomically(Path p, String text, String tmpTag) throws IOException {
        Path tmp = new Path(p.getParent(), "." + p.getName() + "." + tmpTag + ".tmp");
        write(tmp, text);
        if (fs.exists(p)) {
            fs.delete(p, false);
        }
        if (!fs.rename(tmp, p)) {
            throw new IOException("could not rename " + tmp + " to " + p);
        }
    }

    public String read(Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
