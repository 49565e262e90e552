package org.aimc.datasets;

import java.util.Arrays;

/**
 * The content of an IDX file (LeCun, Cortes, Burges, "The MNIST database", file format section): an
 * element type, the dimensions, and the elements in row-major order, plus the SHA-256 of the file's
 * (decompressed) bytes.
 */
public final class IdxData {
    /** Element type codes of the IDX format and their sizes in bytes. */
    public static final int UBYTE = 0x08;
    public static final int BYTE = 0x09;
    public static final int SHORT = 0x0B;
    public static final int INT = 0x0C;
    public static final int FLOAT = 0x0D;
    public static final int DOUBLE = 0x0E;

    private final int type;
    private final int[] dims;
    private final byte[] data;
    private final String sha256;

    IdxData(int type, int[] dims, byte[] data, String sha256) {
        this.type = type;
        this.dims = dims.clone();
        this.data = data;
        this.sha256 = sha256;
    }

    /** The size in bytes of an element of type {@code type}, or -1 for an unknown type. */
    public static int elementSize(int type) {
        return switch (type) {
            case UBYTE, BYTE -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case DOUBLE -> 8;
            default -> -1;
        };
    }

    /** The element type code (0x08 unsigned byte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double). */
    public int type() {
        return type;
    }

    /** The dimensions, outermost first. */
    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements (product of the dimensions). */
    public int size() {
        return data.length / elementSize(type);
    }

    /** Lower-case hex SHA-256 of the IDX bytes (header and data, after gzip decompression). */
    public String sha256() {
        return sha256;
    }

    /** The elements of an unsigned-byte file, a copy of the row-major data. */
    public byte[] unsignedBytes() {
        return unsignedBytesShared().clone();
    }

    /** The unsigned-byte elements without a copy (for readers in this package that hand them on). */
    byte[] unsignedBytesShared() {
        if (type != UBYTE) {
            throw new DatasetException("IDX data of type 0x" + Integer.toHexString(type)
                    + " is not unsigned bytes (0x08)");
        }
        return data;
    }

    /** Element {@code i} (row-major) as a double, for every element type; the IDX data is big-endian. */
    public double value(int i) {
        int s = elementSize(type);
        int o = i * s;
        return switch (type) {
            case UBYTE -> data[o] & 0xFF;
            case BYTE -> data[o];
            case SHORT -> (short) ((data[o] << 8) | (data[o + 1] & 0xFF));
            case INT -> readInt(o);
            case FLOAT -> Float.intBitsToFloat(readInt(o));
            default -> Double.longBitsToDouble(((long) readInt(o) << 32) | (readInt(o + 4) & 0xFFFFFFFFL));
        };
    }

    private int readInt(int o) {
        return (data[o] << 24) | ((data[o + 1] & 0xFF) << 16) | ((data[o + 2] & 0xFF) << 8) | (data[o + 3] & 0xFF);
    }

    @Override
    public String toString() {
        return "IdxData[type 0x" + Integer.toHexString(type) + ", dims " + Arrays.toString(dims) + "]";
    }
}
