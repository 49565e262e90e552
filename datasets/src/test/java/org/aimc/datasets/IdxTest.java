package org.aimc.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on files written byte by byte from the format description. */
class IdxTest {
    @TempDir
    Path dir;

    /** IDX bytes: 0, 0, type, dims, each dimension big-endian, then the payload as given. */
    static byte[] idx(int type, int[] dims, byte[] payload) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bos);
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(type);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(payload);
        out.flush();
        return bos.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream g = new GZIPOutputStream(bos)) {
            g.write(b);
        }
        return bos.toByteArray();
    }

    Path write(String name, byte[] b) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void plainAndGzipUnsignedBytes() throws Exception {
        byte[] payload = {0, 1, (byte) 127, (byte) 128, (byte) 255, 7};
        byte[] raw = idx(0x08, new int[] {2, 3}, payload);
        for (Path p : new Path[] {write("a-idx2-ubyte", raw), write("a-idx2-ubyte.gz", gzip(raw))}) {
            IdxData d = Idx.read(p);
            assertEquals(IdxData.UBYTE, d.type());
            assertArrayEquals(new int[] {2, 3}, d.dims());
            assertEquals(6, d.size());
            assertArrayEquals(payload, d.unsignedBytes());
            assertEquals(255.0, d.value(4));
            assertEquals(128.0, d.value(3));
            assertEquals(sha(raw), d.sha256(), "the checksum is of the decompressed IDX bytes");
        }
    }

    @Test
    void otherElementTypesAreBigEndian() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeInt(-5);
        o.writeInt(70000);
        IdxData ints = Idx.read(write("i", idx(0x0C, new int[] {2}, b.toByteArray())));
        assertEquals(-5.0, ints.value(0));
        assertEquals(70000.0, ints.value(1));
        b.reset();
        o.writeDouble(-1.25);
        IdxData doubles = Idx.read(write("d", idx(0x0E, new int[] {1}, b.toByteArray())));
        assertEquals(-1.25, doubles.value(0));
        b.reset();
        o.writeFloat(3.5f);
        o.writeShort(-2);
        IdxData floats = Idx.read(write("f", idx(0x0D, new int[] {1}, Arrays.copyOf(b.toByteArray(), 4))));
        assertEquals(3.5, floats.value(0));
        IdxData shorts = Idx.read(write("s", idx(0x0B, new int[] {1}, Arrays.copyOfRange(b.toByteArray(), 4, 6))));
        assertEquals(-2.0, shorts.value(0));
        IdxData signed = Idx.read(write("b", idx(0x09, new int[] {1}, new byte[] {(byte) 0xFE})));
        assertEquals(-2.0, signed.value(0));
        DatasetException e = assertThrows(DatasetException.class, signed::unsignedBytes);
        assertTrue(e.getMessage().contains("not unsigned bytes"));
    }

    @Test
    void wrongMagicIsAClearError() throws Exception {
        byte[] raw = idx(0x08, new int[] {1}, new byte[] {1});
        raw[1] = 3;
        Path p = write("bad", raw);
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.read(p));
        assertEquals(p + ": not an IDX file: the magic number must start with two zero bytes, got 00030801",
                e.getMessage());
        Path text = write("text.gz", gzip("hello world".getBytes()));
        assertTrue(assertThrows(DatasetException.class, () -> Idx.read(text)).getMessage()
                .contains("(gzip): not an IDX file"));
    }

    @Test
    void unknownTypeAndBadDimensionCount() throws Exception {
        Path t = write("t", idx(0x0A, new int[] {1}, new byte[] {1}));
        assertTrue(assertThrows(DatasetException.class, () -> Idx.read(t)).getMessage()
                .contains("unknown IDX element type 0xa; known: 0x08 (unsigned byte)"));
        Path z = write("z", idx(0x08, new int[0], new byte[0]));
        assertTrue(assertThrows(DatasetException.class, () -> Idx.read(z)).getMessage()
                .contains("dimension count 0 outside [1, 16]"));
    }

    @Test
    void truncatedFilesAreClearErrors() throws Exception {
        byte[] raw = idx(0x08, new int[] {10, 4}, new byte[40]);
        Path cut = write("cut", Arrays.copyOf(raw, raw.length - 3));
        assertEquals(cut + ": truncated: dimensions [10, 4] of 1-byte elements need 40 data bytes, found 37",
                assertThrows(DatasetException.class, () -> Idx.read(cut)).getMessage());
        Path header = write("header", Arrays.copyOf(raw, 9));
        assertTrue(assertThrows(DatasetException.class, () -> Idx.read(header)).getMessage()
                .contains("truncated in the header: 2 dimensions need 8 bytes, found 5"));
        Path tiny = write("tiny", new byte[] {0, 0});
        assertTrue(assertThrows(DatasetException.class, () -> Idx.read(tiny)).getMessage()
                .contains("truncated: 2 bytes, shorter than the 4-byte IDX magic"));
        byte[] gz = gzip(raw);
        Path gzCut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        assertTrue(assertThrows(DatasetException.class, () -> Idx.read(gzCut)).getMessage()
                .startsWith(gzCut + ": truncated or corrupt gzip data"));
    }

    @Test
    void trailingBytesAndMissingFiles() throws Exception {
        byte[] raw = idx(0x08, new int[] {2}, new byte[] {1, 2, 3});
        Path p = write("long", raw);
        assertEquals(p + ": 1 unexpected byte after the data of dimensions [2]",
                assertThrows(DatasetException.class, () -> Idx.read(p)).getMessage());
        Path missing = dir.resolve("nope");
        assertEquals(missing + ": no such file", assertThrows(DatasetException.class, () -> Idx.read(missing))
                .getMessage());
    }
}
