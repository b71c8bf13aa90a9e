package dev.nomos.runtime.trajectory;

import java.nio.file.Path;

/**
 * A trajectory record that does not follow the format, or does not fit what it is read against.
 * The message reads {@code file:line: field 'objects[3].x': expected an integer, got "abc"} so a
 * person can go straight to the record; the parts are also available separately.
 */
public class TrajectoryFormatException extends RuntimeException {
  private final Path file;
  private final int line;
  private final String field;
  private final String problem;

  /**
   * @param file the file read (may be null for in-memory input)
   * @param line 1-based line number of the record
   * @param field path of the offending field such as {@code objects[3].x}; null for the whole record
   * @param problem what is wrong, e.g. {@code expected an integer, got "abc"}
   */
  public TrajectoryFormatException(Path file, int line, String field, String problem) {
    super(format(file, line, field, problem));
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  private static String format(Path file, int line, String field, String problem) {
    StringBuilder sb = new StringBuilder();
    sb.append(file == null ? "<input>" : file.toString()).append(':').append(line).append(": ");
    if (field != null) {
      sb.append("field '").append(field).append("': ");
    }
    return sb.append(problem).toString();
  }

  /** The file, or null when the input did not come from a file. */
  public Path file() { return file; }

  /** The 1-based line of the record. */
  public int line() { return line; }

  /** The offending field path ({@code objects[3].x}), or null when the record as a whole is bad. */
  public String field() { return field; }

  /** The problem without the location prefix. */
  public String problem() { return problem; }
}
