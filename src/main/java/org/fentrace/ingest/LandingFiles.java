package org.fentrace.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Opening landing files the same way on the driver (header sniffing) and on executors (parsing).
 */
final class LandingFiles {
  private LandingFiles() {}

  /** A landing file's decompressed content, with a digest of its bytes as stored. */
  record Opened(InputStream content, InputStream stored, MessageDigest storedBytesDigest) {
    /**
     * Reads what the parser left unread, then returns the SHA-256 of the file as stored, in hex.
     */
    String finishChecksum() throws IOException {
      byte[] buf = new byte[1 << 16];
      while (stored.read(buf) >= 0) {
        // DigestInputStream digests as it reads
      }
      return java.util.HexFormat.of().formatHex(storedBytesDigest.digest());
    }
  }

  /**
   * Decompresses a compressed landing file once to its end, before any of its rows is used, and
   * says whether it ends early. A gzip file cut short in transfer, or copied while still being
   * written, is read without complaint up to its last whole deflate block and only then fails
   * (EOFException), by which time its first rows would be normalized: so a compressed file is
   * checked whole first, and its rows are all held back when it is incomplete. Plain CSV has no
   * framing to check: not read here.
   *
   * @return null when the file is not compressed or decompresses to its end (gzip's length and CRC
   *     included); else what went wrong, for the manifest and the quarantine
   * @throws IOException when the file cannot be opened or its content is corrupt rather than cut
   *     short
   */
  static String truncation(Configuration conf, String uri) throws IOException {
    if (new CompressionCodecFactory(conf).getCodec(new Path(uri)) == null) {
      return null;
    }
    try (InputStream content = open(conf, uri).content()) {
      byte[] buf = new byte[1 << 16];
      long total = 0;
      try {
        for (int n; (n = content.read(buf)) >= 0; ) {
          total += n;
        }
      } catch (EOFException e) {
        return "the compressed file ends early, after " + total + " bytes of content (" + e + ")";
      }
      return null;
    }
  }

  static Opened open(Configuration conf, String uri) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(conf);
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    InputStream stored = new DigestInputStream(fs.open(path, 1 << 16), digest);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    InputStream content = codec == null ? stored : codec.createInputStream(stored);
    return new Opened(content, stored, digest);
  }
}
