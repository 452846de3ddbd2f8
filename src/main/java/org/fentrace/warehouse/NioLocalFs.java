package org.fentrace.warehouse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.local.LocalConfigKeys;

/**
 * {@link NioLocalFileSystem} for code that uses Hadoop's {@link org.apache.hadoop.fs.FileContext}
 * rather than its {@code FileSystem}: Delta's log store, which writes every commit of a table on
 * {@code file:} paths (its log entry, then its checksum file) by creating a temporary file and
 * renaming it. Hadoop's own class for that ({@code LocalFs}) starts a {@code chmod} process for
 * each created file and a {@code readlink} for each path of a rename: five processes a commit, some
 * 340 in a Delta night over {@code sample-data/}. This is {@code LocalFs} with the raw layer of
 * {@link NioLocalFileSystem}, which does the same through Java's file API.
 *
 * <p>Hadoop uses it for {@code file:} when {@code fs.AbstractFileSystem.file.impl} names it
 * (fentrace's sessions on one machine do, unless the user names another class).
 */
public class NioLocalFs extends ChecksumFs {
  /** The Hadoop setting that picks the {@code FileContext} class of {@code file:} paths. */
  public static final String HADOOP_KEY = "fs.AbstractFileSystem.file.impl";

  /** Hadoop creates the class by reflection, with this constructor. */
  public NioLocalFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(new Raw(uri, conf));
  }

  /** As Hadoop's {@code RawLocalFs}, delegating to {@link NioLocalFileSystem}'s raw layer. */
  static final class Raw extends DelegateToFileSystem {
    Raw(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new NioLocalFileSystem.Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1; // a local path has no port
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    @Deprecated
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true; // any name the local file system takes
    }
  }
}
