package org.fentrace.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local file system that sets permissions without a {@code chmod} process leaves files and
 * folders with the permissions Hadoop's own would: the mode asked for, after the umask. Expected
 * modes are written out by hand from the octal digits (owner, group, others; r=4, w=2, x=1).
 */
class NioLocalFileSystemTest {
  @TempDir java.nio.file.Path tmp;

  private static FileSystem fileSystem(String umask) throws Exception {
    Configuration conf = new Configuration();
    conf.set(NioLocalFileSystem.HADOOP_KEY, NioLocalFileSystem.class.getName());
    conf.set("fs.permissions.umask-mode", umask);
    // newInstance, not get: Hadoop caches one instance per scheme, whatever the configuration.
    return FileSystem.newInstance(URI.create("file:///"), conf);
  }

  private static String mode(java.nio.file.Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void eachOctalDigitMapsToItsThreePermissions() {
    // 0640: owner rw- (6 = 4 + 2), group r-- (4), others --- (0).
    assertThat(NioLocalFileSystem.posix((short) 0640))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_READ);
    // 0751: owner rwx, group r-x, others --x.
    assertThat(PosixFilePermissions.toString(NioLocalFileSystem.posix((short) 0751)))
        .isEqualTo("rwxr-x--x");
    assertThat(NioLocalFileSystem.posix((short) 0)).isEmpty();
    assertThat(PosixFilePermissions.toString(NioLocalFileSystem.posix((short) 0777)))
        .isEqualTo("rwxrwxrwx");
  }

  @Test
  void createdFilesAndFoldersGetTheModeAskedForAfterTheUmask() throws Exception {
    try (FileSystem fs = fileSystem("027")) {
      assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
      Path dir = new Path(tmp.toUri().toString(), "a/b");
      // 0777 & ~027 = 0750 for folders; Hadoop's file default 0666 & ~027 = 0640.
      assertThat(fs.mkdirs(dir)).isTrue();
      Path file = new Path(dir, "part-0.parquet");
      try (FSDataOutputStream out = fs.create(file)) {
        out.write(new byte[] {1, 2, 3});
      }
      assertThat(mode(tmp.resolve("a/b"))).isEqualTo("rwxr-x---");
      assertThat(mode(tmp.resolve("a/b/part-0.parquet"))).isEqualTo("rw-r-----");
      // Still Hadoop's checksummed file system: the checksum file is written beside the data.
      assertThat(tmp.resolve("a/b/.part-0.parquet.crc")).exists();
      // An explicit mode is applied as given (no umask on setPermission).
      fs.setPermission(file, new FsPermission((short) 0604));
      assertThat(mode(tmp.resolve("a/b/part-0.parquet"))).isEqualTo("rw----r--");
    }
  }

  @Test
  void aMissingFileIsReportedAsHadoopDoes() throws Exception {
    try (FileSystem fs = fileSystem("022")) {
      Path missing = new Path(tmp.toUri().toString(), "nothing-here");
      assertThatThrownBy(() -> fs.setPermission(missing, new FsPermission((short) 0644)))
          .isInstanceOf(FileNotFoundException.class)
          .hasMessageContaining("nothing-here");
    }
  }

  @Test
  void modesJavaCannotExpressGoToHadoopsOwnCode() throws Exception {
    try (FileSystem fs = fileSystem("022")) {
      Path dir = new Path(tmp.toUri().toString(), "shared");
      fs.mkdirs(dir);
      // 01777: the sticky bit (01000) has no Java permission; Hadoop's chmod sets it, and the
      // rwx bits (0777) come out as asked.
      fs.setPermission(dir, new FsPermission((short) 01777));
      assertThat(mode(tmp.resolve("shared"))).isEqualTo("rwxrwxrwx");
      assertThat(fs.getFileStatus(dir).getPermission().getStickyBit()).isTrue();
    }
  }

  @Test
  void statusesReportWhatHadoopsOwnLsBasedStatusReports() throws Exception {
    try (FileSystem fs = fileSystem("022")) {
      Path root = new Path(tmp.toUri().toString(), "tree");
      fs.mkdirs(new Path(root, "event_month=2024-01"));
      for (String name : List.of("event_month=2024-01/part-0.parquet", "_SUCCESS")) {
        try (FSDataOutputStream out = fs.create(new Path(root, name))) {
          out.write(7);
        }
      }
      fs.setPermission(new Path(root, "_SUCCESS"), new FsPermission((short) 0600));
      fs.setPermission(new Path(root, "event_month=2024-01"), new FsPermission((short) 01750));
      // The independent reference: Hadoop's own raw local file system, whose statuses read the
      // permission, owner and group from `ls -ld`.
      Configuration plain = new Configuration();
      org.apache.hadoop.fs.RawLocalFileSystem hadoops =
          new org.apache.hadoop.fs.RawLocalFileSystem();
      hadoops.initialize(URI.create("file:///"), plain);
      var files = fs.listFiles(root, true);
      int seen = 0;
      while (files.hasNext()) {
        var ours = files.next();
        var theirs = hadoops.getFileStatus(ours.getPath());
        assertThat(ours.getPermission())
            .as(ours.getPath().getName())
            .isEqualTo(theirs.getPermission());
        assertThat(ours.getOwner()).isEqualTo(theirs.getOwner()).isNotEmpty();
        assertThat(ours.getGroup()).isEqualTo(theirs.getGroup()).isNotEmpty();
        seen++;
      }
      assertThat(seen).as("the two data files; checksum files are not listed").isEqualTo(2);
      for (var folder : fs.listStatus(root)) {
        var theirs = hadoops.getFileStatus(folder.getPath());
        assertThat(folder.getPermission()).isEqualTo(theirs.getPermission());
      }
      FsPermission month = fs.getFileStatus(new Path(root, "event_month=2024-01")).getPermission();
      assertThat(month.toShort()).isEqualTo((short) 01750);
      assertThat(fs.getFileStatus(new Path(root, "_SUCCESS")).getPermission().toShort())
          .isEqualTo((short) 0600);
    }
  }

  @Test
  void sparkWritesParquetThroughItWithTheUsualModes() throws Exception {
    SparkSession spark = SharedSpark.session();
    String out = tmp.resolve("table").toUri().toString();
    StructType schema =
        new StructType().add("event_month", DataTypes.StringType).add("n", DataTypes.IntegerType);
    spark
        .createDataFrame(
            List.of(
                org.apache.spark.sql.RowFactory.create("2024-01", 1),
                org.apache.spark.sql.RowFactory.create("2024-02", 2)),
            schema)
        .write()
        .partitionBy("event_month")
        .parquet(out);
    FileSystem fs = new Path(out).getFileSystem(spark.sparkContext().hadoopConfiguration());
    assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
    List<Row> back = spark.read().parquet(out).orderBy("n").collectAsList();
    assertThat(back).extracting(r -> r.getInt(0)).containsExactly(1, 2);
    // Hadoop's defaults with the umask of the session's configuration (022 unless set): files
    // 0644, folders 0755.
    try (var files = Files.walk(tmp.resolve("table"))) {
      for (java.nio.file.Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p)) {
          assertThat(mode(p)).as(name).isEqualTo("rwxr-xr-x");
        } else if (name.startsWith("part-")) {
          assertThat(mode(p)).as(name).isEqualTo("rw-r--r--");
        }
      }
    }
  }

  /** A FileContext on {@code file:} paths through {@link NioLocalFs}, with the given umask. */
  private static FileContext fileContext(String umask) throws Exception {
    Configuration conf = new Configuration();
    conf.set(NioLocalFs.HADOOP_KEY, NioLocalFs.class.getName());
    conf.set("fs.permissions.umask-mode", umask);
    return FileContext.getFileContext(URI.create("file:///"), conf);
  }

  @Test
  void aFileContextCreatesAndRenamesAsDeltasLogStoreDoes() throws Exception {
    FileContext fc = fileContext("027");
    assertThat(fc.getDefaultFileSystem()).isInstanceOf(NioLocalFs.class);
    Path log = new Path(tmp.toUri().toString(), "_delta_log");
    fc.mkdir(log, FsPermission.getDirDefault(), true);
    // Delta's HDFSLogStore: write a temporary file, then rename it onto the commit's name without
    // overwriting, so that of two writers of one version only the first succeeds.
    Path temp = new Path(log, ".00000000000000000000.json.tmp");
    try (FSDataOutputStream out =
        fc.create(temp, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.createParent())) {
      out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    // Hadoop's file default 0666 & ~027 = 0640; the checksum file beside it, as with LocalFs.
    assertThat(mode(tmp.resolve("_delta_log/.00000000000000000000.json.tmp")))
        .isEqualTo("rw-r-----");
    assertThat(tmp.resolve("_delta_log/..00000000000000000000.json.tmp.crc")).exists();
    Path commit = new Path(log, "00000000000000000000.json");
    fc.rename(temp, commit, Options.Rename.NONE);
    assertThat(tmp.resolve("_delta_log/00000000000000000000.json")).hasContent("{}");
    assertThat(tmp.resolve("_delta_log/.00000000000000000000.json.tmp")).doesNotExist();
    // A second writer of the same version is refused, and its file stays where it was.
    Path other = new Path(log, ".other.json.tmp");
    try (FSDataOutputStream out = fc.create(other, EnumSet.of(CreateFlag.CREATE))) {
      out.write('x');
    }
    assertThatThrownBy(() -> fc.rename(other, commit, Options.Rename.NONE))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(tmp.resolve("_delta_log/00000000000000000000.json")).hasContent("{}");
    assertThat(tmp.resolve("_delta_log/.other.json.tmp")).exists();
  }

  @Test
  void linkStatusesAreHadoopsForFilesMissingPathsAndLinks() throws Exception {
    FileContext fc = fileContext("022");
    java.nio.file.Path file = Files.writeString(tmp.resolve("data.json"), "{}");
    java.nio.file.Path link = Files.createSymbolicLink(tmp.resolve("link.json"), file);
    Path dir = new Path(tmp.toUri().toString());
    // The independent reference: Hadoop's own FileContext class for file: paths (LocalFs), which
    // runs readlink to tell a link from a file.
    Configuration plain = new Configuration();
    plain.set(NioLocalFs.HADOOP_KEY, org.apache.hadoop.fs.local.LocalFs.class.getName());
    FileContext hadoops = FileContext.getFileContext(URI.create("file:///"), plain);
    for (String name : List.of("data.json", "link.json")) {
      var ours = fc.getFileLinkStatus(new Path(dir, name));
      var theirs = hadoops.getFileLinkStatus(new Path(dir, name));
      assertThat(ours.isSymlink()).as(name).isEqualTo(theirs.isSymlink());
      assertThat(ours.isFile()).as(name).isEqualTo(theirs.isFile());
      assertThat(ours.getLen()).as(name).isEqualTo(theirs.getLen());
      assertThat(ours.getPath()).as(name).isEqualTo(theirs.getPath());
      if (theirs.isSymlink()) {
        assertThat(ours.getSymlink()).as(name).isEqualTo(theirs.getSymlink());
      }
    }
    // "{}": two bytes.
    assertThat(fc.getFileLinkStatus(new Path(dir, "data.json")).getLen()).isEqualTo(2);
    Files.delete(link);
    assertThatThrownBy(() -> fc.getFileLinkStatus(new Path(dir, "link.json")))
        .isInstanceOf(FileNotFoundException.class);
  }
}
