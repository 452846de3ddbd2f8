package org.fentrace.nightly;

import java.nio.file.Files;
import org.fentrace.testing.S3TestServer;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link DeltaPublicationKillIT}'s kills again, with the warehouse on S3A (the test S3 server) and
 * the Delta format. With Parquet on S3A a kill inside a folder rename leaves a half-copied folder
 * live until the next run ({@link S3PublicationKillIT}); a Delta commit is one new log object, not
 * a rename of data, so here readers must see night 1 or the finished night 2 for every table, and
 * the next run must end equal to an uninterrupted one, as on local disk.
 */
class DeltaOnS3KillIT extends DeltaPublicationKillIT {
  static S3TestServer s3;

  /**
   * Hides the parent's set-up (JUnit then runs only this one): the server must be up and the
   * warehouse root pointing at it before the parent writes its reference warehouse.
   */
  @BeforeAll
  static void landingsAndTheReference() throws Exception {
    s3 = S3TestServer.start(Files.createTempDirectory("fentrace-delta-s3"));
    s3.configure(SharedSpark.session().sparkContext().hadoopConfiguration());
    System.setProperty("fentrace.it.warehouse-root", s3.uri("warehouses"));
    System.setProperty("fentrace.it.warehouse-format", "delta");
    DeltaPublicationKillIT.landingsAndTheReference();
    // Every warehouse of this class is under the S3 bucket, the reference included.
    org.assertj.core.api.Assertions.assertThat(reference).startsWith("s3a://" + s3.bucket() + "/");
  }

  @AfterAll
  static void stopTheServer() {
    System.clearProperty("fentrace.it.warehouse-root");
    System.clearProperty("fentrace.it.warehouse-format");
    if (s3 != null) {
      s3.close();
    }
  }
}
