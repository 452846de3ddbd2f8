package org.fentrace.ingest;

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

/** Opening landing files the same way on the driver (header sniffing) and on executors (parsing). */
final class LandingFiles {
  private LandingFiles() {}

  /** A landing file's decompressed content, with a digest of its bytes as stored. */
  record Opened(InputStream content, InputStream stored, MessageDigest storedBytesDigest) {
    /** Reads what the parser left unread, then returns the SHA-256 of the file as stored, in hex. */
    String finishChecksum() throws IOException {
      byte[] buf = new byte[1 << 16];
      while (stored.read(buf) >= 0) {
        // DigestInputStream digests as it reads
      }
      return java.util.HexFormat.of().formatHex(storedBytesDigest.digest());
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
