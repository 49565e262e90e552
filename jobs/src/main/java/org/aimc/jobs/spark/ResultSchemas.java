package org.aimc.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aimc.sim.eval.Column;
import org.aimc.sim.eval.ResultColumns;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark and Parquet schemas of the {@code points} table, both built from sim-core's {@link ResultColumns}. */
public final class ResultSchemas {
    /** Partition columns of {@code points}: directories, not file columns. */
    public static final List<String> PARTITION_COLUMNS = List.of("memory_type", "compute_domain");

    private ResultSchemas() {
    }

    /** The explicit Spark schema of a {@code points} row (all columns, in order). */
    public static StructType sparkSchema() {
        List<StructField> fields = new ArrayList<>();
        for (Column c : ResultColumns.all()) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), c.nullable()));
        }
        return DataTypes.createStructType(fields);
    }

    static DataType sparkType(Column.Type t) {
        return switch (t) {
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /** Parquet schema of the data files: every column except the partition columns. */
    public static MessageType parquetSchema() {
        Types.MessageTypeBuilder b = Types.buildMessage();
        Set<String> parts = Set.copyOf(PARTITION_COLUMNS);
        for (Column c : ResultColumns.all()) {
            if (parts.contains(c.name())) {
                continue;
            }
            Repetition r = c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
            switch (c.type()) {
                case INT -> b.primitive(PrimitiveTypeName.INT32, r).named(c.name());
                case LONG -> b.primitive(PrimitiveTypeName.INT64, r).named(c.name());
                case DOUBLE -> b.primitive(PrimitiveTypeName.DOUBLE, r).named(c.name());
                case BOOLEAN -> b.primitive(PrimitiveTypeName.BOOLEAN, r).named(c.name());
                case STRING -> b.primitive(PrimitiveTypeName.BINARY, r).as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
            }
        }
        return b.named("points");
    }

    /** Positions in a full row of the columns stored in files, in file order. */
    public static int[] fileColumnPositions() {
        Set<String> parts = Set.copyOf(PARTITION_COLUMNS);
        List<Integer> pos = new ArrayList<>();
        List<Column> all = ResultColumns.all();
        for (int i = 0; i < all.size(); i++) {
            if (!parts.contains(all.get(i).name())) {
                pos.add(i);
            }
        }
        return pos.stream().mapToInt(Integer::intValue).toArray();
    }
}
