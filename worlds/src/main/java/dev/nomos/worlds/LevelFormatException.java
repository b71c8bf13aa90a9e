package dev.nomos.worlds;

/** A level file that cannot be read; the message names the file, line and column. */
public final class LevelFormatException extends Exception {
  private final String source;
  private final int line;
  private final int column;

  public LevelFormatException(String source, int line, int column, String problem) {
    super(source + ":" + line + ":" + column + ": " + problem);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  public String source() {
    return source;
  }

  /** 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem. */
  public int column() {
    return column;
  }
}
