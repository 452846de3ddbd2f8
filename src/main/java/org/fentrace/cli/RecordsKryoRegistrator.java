package org.fentrace.cli;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.List;
import java.util.Map;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Lets Spark's Kryo serializer carry what fentrace's tasks carry. Clusters often set {@code
 * spark.serializer=org.apache.spark.serializer.KryoSerializer} in spark-defaults.conf, and the Kryo
 * that Spark ships (4.x) cannot handle two kinds of object a parse task receives: Java records (the
 * files and byte ranges it reads; Kryo's field serializer needs field offsets, which the JVM
 * refuses for records) and the JDK's immutable collections ({@code List.of}, {@code Set.of}, {@code
 * Map.of}, {@code Stream.toList}: Kryo rebuilds a collection by adding to an empty instance, which
 * these refuse). The first such task failed before reading a row. These types are written with
 * Java's serialization inside the Kryo stream instead (they are all {@link java.io.Serializable},
 * as Spark's default serializer requires); anything else keeps Kryo's own serializers. Registered
 * by {@link SparkSessions} in {@code spark.kryo.registrator}, after the user's own registrators.
 */
public final class RecordsKryoRegistrator implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    for (Class<?> type : javaSerialized()) {
      kryo.addDefaultSerializer(type, JavaSerializer.class);
    }
  }

  /**
   * The types (with their subclasses) written with Java's serialization: records, and the common
   * ancestors of the JDK's immutable collections and maps, whose classes are not public (hence
   * reached from instances). Kryo handles {@code Collections.unmodifiableList} and the like itself.
   */
  static List<Class<?>> javaSerialized() {
    return List.of(
        Record.class,
        // ImmutableCollections.AbstractImmutableCollection: the lists and sets.
        List.of().getClass().getSuperclass().getSuperclass(),
        // ImmutableCollections.AbstractImmutableMap.
        Map.of().getClass().getSuperclass());
  }
}
