package org.fentrace.config;

import org.apache.spark.storage.StorageLevel;
import org.fentrace.core.SettingValue;

/**
 * Where the ingest keeps its parse output between the passes that read it (the decisions' index,
 * each table's staging, the other versions, the quarantine): {@code fentrace.ingest.parse-cache}.
 *
 * <p>Every reader decodes Spark's cached column batches whatever the level; what the level decides
 * is whether the batches live on the heap. Held in memory, the batches of a load that fills Spark's
 * storage memory are copied from the young generation to the old one and compacted by full
 * collections while the load runs, and the blocks that do not fit go to disk anyway and are
 * deserialized on every read. Written to the executors' local disk, the batches are garbage as soon
 * as they are written and the page cache serves the reads, at the price of writing them: a load
 * whose parse fits in memory is a few percent slower on disk (docs/benchmarks-journal.md).
 */
public enum ParseCache implements SettingValue {
  /**
   * The default: {@link #MEMORY_AND_DISK} on one machine when the parse should fill at most half of
   * Spark's storage memory, else {@link #DISK}; always {@link #DISK} on a cluster, whose executors'
   * memory the driver does not size before the parse.
   */
  AUTO("auto", null),
  /** Spark's {@code DISK_ONLY}. */
  DISK("disk", StorageLevel.DISK_ONLY()),
  /** Spark's {@code MEMORY_AND_DISK}: batches on the heap, blocks that do not fit on disk. */
  MEMORY_AND_DISK("memory-and-disk", StorageLevel.MEMORY_AND_DISK());

  /** The configuration key that chooses the level. */
  public static final String KEY = "fentrace.ingest.parse-cache";

  private final String wireName;
  private final StorageLevel level;

  ParseCache(String wireName, StorageLevel level) {
    this.wireName = wireName;
    this.level = level;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Spark's storage level; {@link #AUTO} has none until the ingest resolves it. */
  public StorageLevel storageLevel() {
    if (level == null) {
      throw new IllegalStateException(wireName + " names no storage level until it is resolved");
    }
    return level;
  }

  /** The level named {@code name} (case-insensitive); anything else throws, naming the choices. */
  public static ParseCache fromName(String name) {
    return SettingValue.fromSetting(ParseCache.class, name, "parse cache");
  }
}
