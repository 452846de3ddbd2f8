package org.fentrace.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import org.fentrace.testing.S3TestServer;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DeltaPublicationKillIT}'s kills again, with the warehouse on S3A (the test S3 server) and
 * the Delta format. With Parquet on S3A a kill inside a folder rename leaves a half-copied folder
 * live until the next run ({@link S3PublicationKillIT}); a Delta commit is one new log object, not
 * a rename of data, so here readers must see night 1 or the finished night 2 for every table, and
 * the next run must end equal to an uninterrupted one, as on local disk. Only the file system and
 * the format differ: the parent's set-up asks {@link #warehouseRoot()} and {@link #tableFormat()}.
 */
class DeltaOnS3KillIT extends DeltaPublicationKillIT {
  private S3TestServer s3;

  /** Starts the server (the parent's set-up asks this first) and roots the warehouses on it. */
  @Override
  String warehouseRoot() throws Exception {
    s3 = S3TestServer.start(tmp.resolve("s3"));
    s3.configure(SharedSpark.session().sparkContext().hadoopConfiguration());
    return s3.uri("warehouses");
  }

  @Override
  String tableFormat() {
    return "delta";
  }

  /** Shown on local disk by the parent, and for the whole night on S3 by {@code S3PipelineIT}. */
  @Override
  boolean comparesWithTheParquetFormat() {
    return false;
  }

  @Test
  void everyWarehouseOfTheClassIsOnTheS3Server() {
    assertThat(reference).startsWith("s3a://" + s3.bucket() + "/");
    assertThat(format).isEqualTo("delta");
  }

  @AfterAll
  void stopTheServer() {
    if (s3 != null) {
      s3.close();
    }
  }
}
