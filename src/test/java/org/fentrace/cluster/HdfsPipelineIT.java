package org.fentrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.fentrace.config.FentraceConfig;
import org.fentrace.run.PipelineRunner;
import org.fentrace.testing.NightOnAFileSystem;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SampleWarehouse;
import org.fentrace.testing.SharedSpark;
import org.fentrace.testing.WarehouseComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly pipeline with landing and warehouse on a real HDFS (an in-process MiniDFSCluster:
 * NameNode and one DataNode speaking the HDFS RPC protocol on 127.0.0.1), run on the shared
 * session. The hdfs:// URIs carry the NameNode's address, so the session needs no fs.defaultFS and
 * no other setting for correctness. The result must equal a run of the same landing on the local
 * file system.
 *
 * <p>One latency setting: an HDFS client polls the NameNode when it closes a file, first after
 * {@value #CLOSE_POLL} (default 400 ms, doubling), and on a loaded machine the DataNode's block
 * report is rarely there at the first poll. The pipeline writes a few hundred small files, so the
 * default costs about a minute here (measured: 40 files in 9 s, with 20 ms in 1.3 s). The test sets
 * 20 ms on the cluster and, while it runs, on the shared session's Hadoop configuration.
 */
class HdfsPipelineIT {
  static final LocalDate RUN_DATE = SampleWarehouse.RUN_DATE;
  static final Path SAMPLE = NightOnAFileSystem.SAMPLE;
  static final String CLOSE_POLL = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";

  @TempDir static Path tmp;
  static MiniDFSCluster dfs;
  static String landing;
  static String hdfsWarehouse;
  static PipelineRunner.Outcome hdfsRun;
  static JsonNode hdfsManifest;
  static Pipelines.Run localRun;
  static String sessionClosePoll;

  @BeforeAll
  static void runOnHdfsAndLocally() throws Exception {
    long start = System.nanoTime();
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    conf.setInt(CLOSE_POLL, 20);
    Configuration session = SharedSpark.session().sparkContext().hadoopConfiguration();
    sessionClosePoll = session.get(CLOSE_POLL);
    session.setInt(CLOSE_POLL, 20);
    dfs = new MiniDFSCluster.Builder(conf, tmp.resolve("dfs").toFile()).numDataNodes(1).build();
    dfs.waitActive();
    String nameNode = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
    landing = nameNode + "/fentrace/landing";
    hdfsWarehouse = nameNode + "/fentrace/warehouse";
    copyToHdfs(SAMPLE, landing);
    long up = System.nanoTime();

    FentraceConfig config =
        FentraceConfig.load(null, Map.of("fentrace.party-hash.key", Pipelines.TEST_PARTY_KEY));
    hdfsRun =
        new PipelineRunner(SharedSpark.session())
            .run(
                new PipelineRunner.Request(
                    "run",
                    EnumSet.allOf(PipelineRunner.Step.class),
                    landing,
                    hdfsWarehouse,
                    RUN_DATE,
                    config));
    long onHdfs = System.nanoTime();
    hdfsManifest = NightOnAFileSystem.manifest(hdfsRun);
    // The reference: the shared local night over the same landing (ingest and trends; the
    // comparison leaves the report out).
    localRun = SampleWarehouse.run();
    System.err.printf(
        "HdfsPipelineIT: HDFS up and landing copied in %d s, run on hdfs %d s, local run %d s%n",
        (up - start) / 1_000_000_000L,
        (onHdfs - up) / 1_000_000_000L,
        (System.nanoTime() - onHdfs) / 1_000_000_000L);
  }

  @AfterAll
  static void stopHdfs() {
    Configuration session = SharedSpark.session().sparkContext().hadoopConfiguration();
    if (sessionClosePoll == null) {
      session.unset(CLOSE_POLL);
    } else {
      session.set(CLOSE_POLL, sessionClosePoll);
    }
    if (dfs != null) {
      dfs.shutdown(true);
    }
  }

  /** Copies a local folder into HDFS keeping modification times (revisions are ordered by them). */
  static void copyToHdfs(Path local, String target) throws IOException {
    FileSystem fs = dfs.getFileSystem();
    try (Stream<Path> files = Files.walk(local)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        org.apache.hadoop.fs.Path dest =
            new org.apache.hadoop.fs.Path(target + "/" + local.relativize(f));
        fs.copyFromLocalFile(
            false, true, new org.apache.hadoop.fs.Path(f.toAbsolutePath().toUri()), dest);
        fs.setTimes(dest, Files.getLastModifiedTime(f).toMillis(), -1);
      }
    }
  }

  @Test
  void theRunOnHdfsSucceedsAndEveryFileBalances() {
    assertThat(hdfsRun.exitCode()).as("exit code of the run on hdfs://").isZero();
    assertThat(hdfsRun.manifest()).as("manifest path").startsWith("hdfs://");
    NightOnAFileSystem.assertEverySampleFileBalances(hdfsManifest);
  }

  @Test
  void theManifestCountsEqualTheLocalRun() {
    assertThat(localRun.exitCode()).as("exit code of the local run").isZero();
    assertThat(NightOnAFileSystem.accounting(hdfsManifest))
        .isEqualTo(NightOnAFileSystem.accounting(localRun.manifest()));
  }

  @Test
  void theTablesOnHdfsEqualTheLocalRun() throws IOException {
    assertThat(hdfsRun.exitCode()).isZero();
    FileSystem fs = dfs.getFileSystem();
    for (String table : WarehouseComparison.CONTRACT_TABLES) {
      assertThat(fs.exists(new org.apache.hadoop.fs.Path(hdfsWarehouse + "/" + table)))
          .as("%s on hdfs", table)
          .isTrue();
    }
    WarehouseComparison.assertSameResults(
        SampleWarehouse.warehouse().toString(), hdfsWarehouse, true);
  }
}
