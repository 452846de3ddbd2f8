package org.fentrace.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8, and decodes any byte that is not part of a valid UTF-8 sequence as Windows-1252.
 *
 * <p>Why: agencies export CSV from spreadsheets in whatever code page the desktop had, and a
 * Latin-1 {@code México} must not become {@code M?xico} (an unknown country) nor fail the file.
 * Valid UTF-8 is never reinterpreted, so a UTF-8 file reads exactly as UTF-8; a Latin-1 file reads
 * exactly as Latin-1 for its letters (every Latin-1 letter byte is invalid as UTF-8 in the contexts
 * that occur in text). The number of bytes decoded the fallback way is reported so the manifest can
 * say so.
 */
public final class FallbackDecodingReader extends Reader {
  private static final char[] CP1252_HIGH = buildCp1252Table();

  private final InputStream in;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
  private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
  private boolean eof;
  private boolean flushed;
  private long fallbackBytes;

  /** Bytes taken from {@code in} so far. */
  private long bytesIn;

  /** Fallback bytes at or after this offset of {@code in} are not counted. */
  private java.util.function.LongSupplier countBefore = () -> Long.MAX_VALUE;

  public FallbackDecodingReader(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  /**
   * Counts only fallback bytes before this offset of the input, asked when such a byte is met (the
   * offset may be learnt while reading): a byte range of a file that reads past its end to finish
   * its last record leaves those bytes to the next range.
   */
  public void countBefore(java.util.function.LongSupplier offset) {
    this.countBefore = offset;
  }

  /** Bytes that were not valid UTF-8 and were read as Windows-1252. */
  public long fallbackBytes() {
    return fallbackBytes;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  /** Decodes more characters into {@code chars}; false at the end of input. */
  private boolean fill() throws IOException {
    if (flushed) {
      return false;
    }
    chars.clear();
    try {
      while (chars.position() == 0) {
        if (!eof && bytes.remaining() < 8) {
          bytes.compact();
          int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (r < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + r);
            bytesIn += r;
          }
          bytes.flip();
        }
        CoderResult result = utf8.decode(bytes, chars, eof);
        if (result.isError()) {
          // Each byte of the invalid sequence becomes its Windows-1252 character.
          int bad = result.length();
          for (int i = 0; i < bad && chars.hasRemaining(); i++) {
            long offset = bytesIn - bytes.remaining();
            chars.put(cp1252(bytes.get()));
            if (offset < countBefore.getAsLong()) {
              fallbackBytes++;
            }
          }
        } else if (result.isUnderflow() && eof && !bytes.hasRemaining()) {
          utf8.flush(chars);
          flushed = true;
          break;
        } else if (result.isOverflow()) {
          break;
        }
      }
    } finally {
      chars.flip();
    }
    return chars.hasRemaining();
  }

  private static char cp1252(byte b) {
    int u = b & 0xFF;
    return u < 0x80 ? (char) u : CP1252_HIGH[u - 0x80];
  }

  private static char[] buildCp1252Table() {
    char[] table = new char[128];
    java.nio.charset.Charset cp = java.nio.charset.Charset.forName("windows-1252");
    for (int i = 0; i < 128; i++) {
      String s = new String(new byte[] {(byte) (0x80 + i)}, cp);
      char c = s.charAt(0);
      // The five bytes Windows-1252 leaves undefined read as their Latin-1 control characters.
      table[i] = c == '\uFFFD' ? (char) (0x80 + i) : c;
    }
    return table;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
