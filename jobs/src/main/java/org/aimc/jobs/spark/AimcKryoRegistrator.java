package org.aimc.jobs.spark;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Classes our jobs hand to Spark's Kryo serializer (run with {@code spark.kryo.registrationRequired=true}).
 * Records never travel through Kryo: sweeps broadcast the spec's canonical text and rebuild it.
 */
public final class AimcKryoRegistrator implements KryoRegistrator {
    /** Spark and JDK classes that our jobs' results and broadcasts contain, by name. */
    static final String[] BY_NAME = {
        "java.util.HashMap",
        "java.util.ArrayList",
        "java.lang.Object[]",
        "java.lang.Integer",
        "java.lang.Long",
        "java.lang.Double",
        "java.lang.String[]",
        "scala.collection.mutable.ArraySeq$ofRef",
        "scala.collection.immutable.ArraySeq$ofRef",
        "org.apache.spark.sql.catalyst.InternalRow[]",
        "org.apache.spark.sql.catalyst.expressions.UnsafeRow",
        "org.apache.spark.sql.catalyst.expressions.UnsafeRow[]",
        "org.apache.spark.sql.catalyst.expressions.GenericInternalRow",
        "org.apache.spark.sql.execution.datasources.WriteTaskResult",
        "org.apache.spark.sql.execution.datasources.ExecutedWriteSummary",
        "org.apache.spark.sql.execution.datasources.BasicWriteTaskStats",
        "org.apache.spark.internal.io.FileCommitProtocol$TaskCommitMessage",
        "org.apache.spark.sql.execution.joins.UnsafeHashedRelation",
        "org.apache.spark.sql.execution.joins.LongHashedRelation",
        "org.apache.spark.sql.execution.joins.LongToUnsafeRowMap",
        "org.apache.spark.sql.types.StructType",
        "org.apache.spark.sql.types.StructField",
        "org.apache.spark.sql.types.StructField[]",
        "org.apache.spark.sql.types.Metadata",
        "org.apache.spark.sql.types.StringType$",
        "org.apache.spark.sql.types.LongType$",
        "org.apache.spark.sql.types.IntegerType$",
        "org.apache.spark.sql.types.DoubleType$",
        "org.apache.spark.sql.types.BooleanType$",
        "scala.collection.immutable.Map$EmptyMap$",
        "scala.collection.immutable.Set$EmptySet$",
        "scala.reflect.ClassTag$GenericClassTag",
        "org.apache.spark.util.collection.BitSet",
        "org.apache.spark.sql.execution.columnar.CachedBatch",
        "org.apache.spark.util.HadoopFSUtils$SerializableFileStatus",
        "org.apache.spark.util.HadoopFSUtils$SerializableBlockLocation",
        "org.apache.spark.util.HadoopFSUtils$SerializableBlockLocation[]",
    };

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(ChunkStats.class);
        kryo.register(ChunkStats[].class);
        kryo.register(org.aimc.sim.pareto.ParetoFront.class, new com.esotericsoftware.kryo.serializers.JavaSerializer());
        // aimc train: the broadcast inputs, the tasks and the per-run results (Java serialization of records)
        kryo.register(TrainJob.Inputs.class, new com.esotericsoftware.kryo.serializers.JavaSerializer());
        kryo.register(TrainJob.Task.class, new com.esotericsoftware.kryo.serializers.JavaSerializer());
        kryo.register(TrainJob.Outcome.class, new com.esotericsoftware.kryo.serializers.JavaSerializer());
        // refine: the broadcast inputs, the tasks and the per-chip outcomes (records: Java serialization)
        for (Class<?> c : new Class<?>[] {RefineJob.Inputs.class, RefineJob.Task.class, RefineJob.Outcome.class}) {
            kryo.register(c, new com.esotericsoftware.kryo.serializers.JavaSerializer());
        }
        kryo.register(RefineJob.Outcome[].class);
        kryo.register(RefineJob.Task[].class);
        for (String name : BY_NAME) {
            Class<?> c = byName(name);
            if (c != null) {
                kryo.register(c);
            }
        }
    }

    private static Class<?> byName(String name) {
        try {
            if (name.endsWith("[]")) {
                Class<?> e = Class.forName(name.substring(0, name.length() - 2), false,
                        AimcKryoRegistrator.class.getClassLoader());
                return java.lang.reflect.Array.newInstance(e, 0).getClass();
            }
            return Class.forName(name, false, AimcKryoRegistrator.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // a Spark-internal class that this Spark version does not have: nothing to register
            return null;
        }
    }
}
