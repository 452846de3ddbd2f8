package org.fentrace.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.fentrace.formats.CsvFileReader;
import org.fentrace.formats.HeaderMatch;

/**
 * Finds the landing files ({@code *.csv}, {@code *.csv.gz}, recursively, any Hadoop file system)
 * and recognises each one's format from its header. Runs on the driver: it only reads one line per
 * file. Files are numbered in delivery order (modification time, then path), which decides which
 * revision wins.
 */
public final class LandingScanner {
  private final Configuration conf;

  public LandingScanner(Configuration conf) {
    this.conf = conf;
  }

  /**
   * @throws IOException when the landing folder cannot be listed (the caller reports it as a failed
   *     run)
   */
  public List<LandingFile> scan(String landing) throws IOException {
    Path root = new Path(landing);
    FileSystem fs = root.getFileSystem(conf);
    FileStatus rootStatus;
    try {
      rootStatus = fs.getFileStatus(root);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException(
          "landing folder " + landing + " does not exist; check --input");
    }
    String rootPath = rootStatus.getPath().toUri().getPath();
    List<FileStatus> found = new ArrayList<>();
    if (rootStatus.isFile()) {
      found.add(rootStatus);
      rootPath = rootStatus.getPath().getParent().toUri().getPath();
    } else {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        if (isLandingFile(s.getPath().getName())) {
          found.add(s);
        }
      }
    }
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    found.sort(
        Comparator.comparingLong(FileStatus::getModificationTime)
            .thenComparing(s -> s.getPath().toString()));
    List<LandingFile> files = new ArrayList<>();
    for (FileStatus s : found) {
      String full = s.getPath().toUri().getPath();
      String relative =
          full.startsWith(prefix) ? full.substring(prefix.length()) : s.getPath().getName();
      files.add(sniff(files.size(), s, relative));
    }
    return files;
  }

  static boolean isLandingFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return !n.startsWith(".")
        && !n.startsWith("_")
        && (n.endsWith(".csv") || n.endsWith(".csv.gz"));
  }

  private LandingFile sniff(int index, FileStatus s, String relative) {
    String uri = s.getPath().toString();
    try (CsvFileReader reader = CsvFileReader.open(LandingFiles.open(conf, uri).content())) {
      List<String> header = reader.header();
      if (header.isEmpty()) {
        return unusable(
            index,
            s,
            relative,
            reader.delimiter(),
            "the file is empty (no header line); deliver it again with its header and rows, or remove it");
      }
      HeaderMatch match = HeaderMatch.of(header);
      String problem = null;
      if (match.format() == null) {
        problem =
            "its header matches no input format; header seen: "
                + String.join(",", header)
                + "; formats expected: "
                + HeaderMatch.describeExpected();
      } else if (!match.usable()) {
        problem =
            "its header looks like "
                + match.format().id()
                + " but lacks the required column(s) "
                + String.join(", ", match.missingRequired())
                + "; every row is quarantined as MISSING_REQUIRED_COLUMN."
                + " Add the column(s) to the export and deliver the file again";
      }
      return new LandingFile(
          index,
          uri,
          relative,
          s.getLen(),
          s.getModificationTime(),
          match,
          reader.delimiter(),
          problem);
    } catch (IOException | RuntimeException e) {
      return unusable(
          index,
          s,
          relative,
          ',',
          "the file could not be read: "
              + e
              + "; check that it is a CSV (or gzip-compressed CSV) file");
    }
  }

  /**
   * A landing file whose header could not be matched to a format, with what the operator must do.
   */
  private static LandingFile unusable(
      int index, FileStatus s, String relative, char delimiter, String problem) {
    return new LandingFile(
        index,
        s.getPath().toString(),
        relative,
        s.getLen(),
        s.getModificationTime(),
        null,
        delimiter,
        problem);
  }
}
