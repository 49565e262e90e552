package org.aimc.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the IDX format of MNIST and Fashion-MNIST (LeCun, Cortes, Burges, "The MNIST database of
 * handwritten digits", http://yann.lecun.com/exdb/mnist/, section "file formats"): two zero bytes, an
 * element-type byte (0x08 unsigned byte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double), a
 * byte with the number of dimensions, each dimension as a big-endian 32-bit integer, then the elements
 * row-major and big-endian. Files may be gzip-compressed (recognised by the gzip magic 1F 8B) or plain.
 * A wrong magic, an unknown type, a truncated file or bytes after the data are errors naming the file.
 */
public final class Idx {
    private static final int GZIP_MAGIC_0 = 0x1F;
    private static final int GZIP_MAGIC_1 = 0x8B;
    /** Largest number of dimensions accepted (the format allows 255; the data sets use 1 to 3). */
    static final int MAX_DIMS = 16;

    private Idx() {
    }

    /**
     * Reads an IDX file, gzip-compressed or plain.
     *
     * @throws DatasetException when the file is missing, unreadable or not a well-formed IDX file
     */
    public static IdxData read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == GZIP_MAGIC_0 && b1 == GZIP_MAGIC_1;
            InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return read(in, file.toString() + (gzip ? " (gzip)" : ""));
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        } catch (ZipException | EOFException e) {
            throw new DatasetException(file + ": truncated or corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e, e);
        }
    }

    /**
     * Reads plain (already decompressed) IDX bytes from {@code in} up to its end. Does not close it.
     *
     * @param name how to call the source in error messages
     * @throws DatasetException when the bytes are not a well-formed IDX file
     */
    public static IdxData read(InputStream in, String name) throws IOException {
        MessageDigest md = sha256();
        DigestInputStream din = new DigestInputStream(in, md);
        byte[] head = new byte[4];
        int got = din.readNBytes(head, 0, 4);
        if (got < 4) {
            throw new DatasetException(name + ": truncated: " + got + " bytes, shorter than the 4-byte IDX magic");
        }
        if (head[0] != 0 || head[1] != 0) {
            throw new DatasetException(name + ": not an IDX file: the magic number must start with two zero bytes, "
                    + "got " + HexFormat.of().formatHex(head) + (head[0] == GZIP_MAGIC_0 ? " (gzip inside gzip?)" : ""));
        }
        int type = head[2] & 0xFF;
        int es = IdxData.elementSize(type);
        if (es < 0) {
            throw new DatasetException(name + ": unknown IDX element type 0x" + Integer.toHexString(type)
                    + "; known: 0x08 (unsigned byte), 0x09 (byte), 0x0b (short), 0x0c (int), 0x0d (float), "
                    + "0x0e (double)");
        }
        int nd = head[3] & 0xFF;
        if (nd < 1 || nd > MAX_DIMS) {
            throw new DatasetException(name + ": IDX dimension count " + nd + " outside [1, " + MAX_DIMS + "]");
        }
        byte[] dimBytes = new byte[4 * nd];
        got = din.readNBytes(dimBytes, 0, dimBytes.length);
        if (got < dimBytes.length) {
            throw new DatasetException(name + ": truncated in the header: " + nd + " dimensions need "
                    + dimBytes.length + " bytes, found " + got);
        }
        int[] dims = new int[nd];
        long count = 1;
        for (int d = 0; d < nd; d++) {
            int o = 4 * d;
            dims[d] = (dimBytes[o] << 24) | ((dimBytes[o + 1] & 0xFF) << 16) | ((dimBytes[o + 2] & 0xFF) << 8)
                    | (dimBytes[o + 3] & 0xFF);
            if (dims[d] < 0) {
                throw new DatasetException(name + ": dimension " + d + " is negative (" + dims[d] + ")");
            }
            count *= dims[d];
            if (count * es > Integer.MAX_VALUE - 16) {
                throw new DatasetException(name + ": dimensions " + Arrays.toString(dims) + " exceed 2 GB of data");
            }
        }
        int bytes = (int) (count * es);
        byte[] data = new byte[bytes];
        got = din.readNBytes(data, 0, bytes);
        if (got < bytes) {
            throw new DatasetException(name + ": truncated: dimensions " + Arrays.toString(dims) + " of "
                    + es + "-byte elements need " + bytes + " data bytes, found " + got);
        }
        long extra = 0;
        byte[] skip = new byte[8192];
        for (int r; (r = din.read(skip)) > 0;) {
            extra += r;
        }
        if (extra > 0) {
            throw new DatasetException(name + ": " + extra + " unexpected byte" + (extra == 1 ? "" : "s")
                    + " after the data of dimensions " + Arrays.toString(dims));
        }
        return new IdxData(type, dims, data, HexFormat.of().formatHex(md.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
