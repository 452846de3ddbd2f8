package org.fentrace.formats;

/**
 * Where an RFC 4180 reader stands between two bytes, as the Commons CSV lexer {@link CsvFileReader}
 * uses decides it: at the start of a record or of a field, inside an unquoted field (a quote there
 * is an ordinary character), inside a quoted field, just after a quote inside a quoted field (an
 * escaped quote or the closing one), after a closing quote (only blanks may follow before the
 * delimiter or line break), or past a syntax error.
 *
 * <p>Why bytes, not characters: the structure of a delimited file lives in ASCII bytes (quote,
 * delimiter, CR, LF), and no byte of a multi-byte UTF-8 sequence (nor of the Windows-1252 fallback)
 * is ASCII, so the state is decided without decoding. The one place characters matter is the blank
 * after a closing quote: a non-ASCII blank is taken as an error here, which only makes a split file
 * fall back to being read whole.
 */
public enum CsvState {
  RECORD_START,
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,
  AFTER_QUOTED,
  INVALID;

  private static final CsvState[] VALUES = values();

  /** The state after reading byte {@code b} (0-255) in this state, for the given delimiter. */
  public CsvState next(int b, int delimiter) {
    switch (this) {
      case QUOTED:
        return b == '"' ? QUOTE_IN_QUOTED : QUOTED;
      case UNQUOTED:
        if (b == '\n' || b == '\r') {
          return RECORD_START;
        }
        return b == delimiter ? FIELD_START : UNQUOTED;
      case RECORD_START:
      case FIELD_START:
        if (b == delimiter) {
          return FIELD_START;
        }
        if (b == '\n' || b == '\r') {
          return RECORD_START;
        }
        return b == '"' ? QUOTED : UNQUOTED;
      case QUOTE_IN_QUOTED:
        if (b == '"') {
          return QUOTED;
        }
        return afterClosingQuote(b, delimiter);
      case AFTER_QUOTED:
        return afterClosingQuote(b, delimiter);
      default:
        return INVALID;
    }
  }

  private static CsvState afterClosingQuote(int b, int delimiter) {
    if (b == delimiter) {
      return FIELD_START;
    }
    if (b == '\n' || b == '\r') {
      return RECORD_START;
    }
    boolean blank = b == ' ' || b == '\t' || b == 0x0B || b == 0x0C || (b >= 0x1C && b <= 0x1F);
    return blank ? AFTER_QUOTED : INVALID;
  }

  /** True when a file may end in this state: not inside a quoted field, no syntax error. */
  public boolean canEndFile() {
    return this != QUOTED && this != INVALID;
  }

  /** The state of a name written by {@link #name()}. */
  public static CsvState of(String name) {
    for (CsvState s : VALUES) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no CSV state " + name);
  }
}
