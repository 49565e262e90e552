package org.aimc.jobs.spark;

import java.util.HashMap;
import org.aimc.sim.eval.Column;
import org.aimc.sim.eval.ResultColumns;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Writes {@code points} rows (sim-core's Object[] in {@link ResultColumns} order) as Parquet records. */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final MessageType schema = ResultSchemas.parquetSchema();
    private final int[] positions = ResultSchemas.fileColumnPositions();
    private final Column[] columns;
    private RecordConsumer rc;

    RowWriteSupport() {
        columns = new Column[positions.length];
        for (int i = 0; i < positions.length; i++) {
            columns[i] = ResultColumns.all().get(positions[i]);
        }
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
    public void write(Object[] row) {
        rc.startMessage();
        for (int f = 0; f < positions.length; f++) {
            Object v = row[positions[f]];
            if (v == null) {
                continue;
            }
            String name = columns[f].name();
            rc.startField(name, f);
            switch (columns[f].type()) {
                case INT -> rc.addInteger((Integer) v);
                case LONG -> rc.addLong((Long) v);
                case DOUBLE -> rc.addDouble((Double) v);
                case BOOLEAN -> rc.addBoolean((Boolean) v);
                case STRING -> rc.addBinary(Binary.fromString((String) v));
            }
            rc.endField(name, f);
        }
        rc.endMessage();
    }
}
