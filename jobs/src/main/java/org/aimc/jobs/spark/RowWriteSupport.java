package org.aimc.jobs.spark;

import java.util.HashMap;
import org.aimc.sim.eval.Column;
import org.aimc.sim.eval.ResultColumns;
import org.aimc.sim.eval.ResultRow;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Writes {@code points} rows (sim-core's typed {@link ResultRow}) as Parquet records, unboxed. */
final class RowWriteSupport extends WriteSupport<ResultRow> {
    private final MessageType schema = ResultSchemas.parquetSchema();
    private final int[] positions = ResultSchemas.fileColumnPositions();
    private final Column[] columns;
    private RecordConsumer rc;
    /** Per column: the last string written and its encoded form (most string columns repeat one value). */
    private final String[] lastString;
    private final Binary[] lastBinary;

    RowWriteSupport() {
        columns = new Column[positions.length];
        lastString = new String[positions.length];
        lastBinary = new Binary[positions.length];
        for (int i = 0; i < positions.length; i++) {
            columns[i] = ResultColumns.all().get(positions[i]);
        }
    }

    private Binary binary(int f, String v) {
        if (v != lastString[f]) {
            lastString[f] = v;
            lastBinary[f] = Binary.fromConstantByteArray(v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return lastBinary[f];
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.rc = recordConsumer;
    }

    @Override
    public void write(ResultRow row) {
        rc.startMessage();
        for (int f = 0; f < positions.length; f++) {
            int c = positions[f];
            if (row.isNull(c)) {
                continue;
            }
            String name = columns[f].name();
            rc.startField(name, f);
            switch (columns[f].type()) {
                case INT -> rc.addInteger(row.getInt(c));
                case LONG -> rc.addLong(row.getLong(c));
                case DOUBLE -> rc.addDouble(row.getDouble(c));
                case BOOLEAN -> rc.addBoolean(row.getBoolean(c));
                case STRING -> rc.addBinary(binary(f, row.getString(c)));
            }
            rc.endField(name, f);
        }
        rc.endMessage();
    }
}
