package org.fentrace.warehouse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's checksummed local file system ({@code file:} paths), setting and reading permissions
 * through Java's own file API instead of a {@code chmod} or {@code ls} process.
 *
 * <p>Why: without Hadoop's native library (which Spark's jars do not ship), {@link
 * RawLocalFileSystem} starts a {@code chmod} process for every file and folder it creates (twice
 * per file, with its checksum file), and an {@code ls -ld} for every listed file whose permission
 * is asked for (every file of a recursive listing). On the benchmark machine a process costs 10 to
 * 20 ms and the task waits for each in turn: a night over {@code sample-data/} started about 850.
 * Permissions come out the same: the requested mode after the umask, as {@code chmod} sets it; a
 * status reports the mode, owner and group {@code ls} would. Modes Java cannot express (sticky,
 * setuid bits), file stores without POSIX permissions and files Java cannot read the attributes of
 * (a dangling link) still go to Hadoop's own code.
 *
 * <p>Spark uses it for {@code file:} when {@code fs.file.impl} names it (fentrace's sessions on one
 * machine do, unless the user names another class); other schemes (HDFS, S3A) are untouched. Code
 * that goes through Hadoop's {@link org.apache.hadoop.fs.FileContext} instead (Delta's log store)
 * gets the same raw layer from {@link NioLocalFs}.
 */
public class NioLocalFileSystem extends LocalFileSystem {
  /** The Hadoop setting that picks the class of {@code file:} paths. */
  public static final String HADOOP_KEY = "fs.file.impl";

  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (unchecksummed) layer, where files are created and permissions set. */
  static final class Raw extends RawLocalFileSystem {
    private static final boolean POSIX =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      short mode = permission.toShort();
      if (!POSIX || (mode & ~0777) != 0) {
        super.setPermission(p, permission);
        return;
      }
      java.nio.file.Path file = pathToFile(p).toPath();
      try {
        Files.setPosixFilePermissions(file, posix(mode));
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException("File " + p + " does not exist");
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission);
      }
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      return withPermission(super.getFileStatus(f));
    }

    /**
     * The status of {@code f} itself, not of a link's target. Hadoop runs a {@code readlink}
     * process to learn whether {@code f} is a link, and a {@link org.apache.hadoop.fs.FileContext}
     * rename asks that of both its paths: Delta writes each commit (its log entry and its checksum
     * file) by such a rename. Java answers whether it is a link without a process; only a real link
     * goes to Hadoop's code, which reads its target.
     */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      if (Files.isSymbolicLink(pathToFile(f).toPath())) {
        return super.getFileLinkStatus(f);
      }
      return getFileStatus(f); // Hadoop's answer for anything but a link, missing files included
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
      FileStatus[] listed = super.listStatus(f);
      for (int i = 0; i < listed.length; i++) {
        listed[i] = withPermission(listed[i]);
      }
      return listed;
    }

    /**
     * The status with its permission, owner and group read now (one {@code stat} call, through the
     * JDK's {@code unix} attribute view, which also carries the sticky and setuid bits), instead of
     * Hadoop's status that runs {@code ls -ld} the first time one of them is asked for.
     */
    private FileStatus withPermission(FileStatus s) {
      if (s.isSymlink()) {
        return s;
      }
      Map<String, Object> a;
      try {
        a =
            Files.readAttributes(
                pathToFile(s.getPath()).toPath(),
                "unix:mode,owner,group",
                LinkOption.NOFOLLOW_LINKS);
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return s; // no unix view here, or the file went away: Hadoop's own status
      }
      return new FileStatus(
          s.getLen(),
          s.isDirectory(),
          s.getReplication(),
          s.getBlockSize(),
          s.getModificationTime(),
          s.getAccessTime(),
          new FsPermission((short) ((Integer) a.get("mode") & 07777)),
          ((Principal) a.get("owner")).getName(),
          ((Principal) a.get("group")).getName(),
          s.getPath());
    }
  }

  /** Java's permissions by bit of a mode, lowest (others' execute) first. */
  private static final PosixFilePermission[] BY_BIT = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  /** The nine rwx bits of {@code mode} as Java's permissions. */
  static Set<PosixFilePermission> posix(short mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BY_BIT.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(BY_BIT[bit]);
      }
    }
    return set;
  }
}
