package dev.nomos.runtime.trajectory;

import java.nio.file.Path;
import java.util.List;

/**
 * Something a trajectory file shows that its world does not declare, read anyway ({@link ReadMode#OPEN}).
 * One warning stands for every occurrence of the same (kind, type, name) in one file.
 *
 * @param file the file (null for a stream without a name)
 * @param line the line of the first occurrence
 * @param type the entity type concerned (the undeclared one for {@link Kind#UNDECLARED_TYPE}; null
 *     for {@link Kind#UNDECLARED_ACTION})
 * @param name the attribute (null for {@link Kind#UNDECLARED_TYPE}), or the action
 * @param values for {@link Kind#VALUE_OUTSIDE_SUPPORT}, the first few distinct values seen, as the data
 *     writes them (strings quoted); otherwise empty
 * @param records how many records of the file show it
 * @param message the whole warning in one line, starting with {@code file:line: warning:}
 */
public record ReadWarning(Path file, int line, Kind kind, String type, String name, List<String> values,
    long records, String message) {

  public ReadWarning {
    values = List.copyOf(values);
  }

  /** What was not foreseen. */
  public enum Kind {
    /** An extra field the type does not declare; ignored. */
    UNDECLARED_ATTRIBUTE,
    /** An int outside the declared range, or a symbol the attribute does not declare; kept. */
    VALUE_OUTSIDE_SUPPORT,
    /** An object type the world does not declare; its objects are scored only when they appear. */
    UNDECLARED_TYPE,
    /** An action the world does not declare; kept, and no law's action condition matches it. */
    UNDECLARED_ACTION
  }

  @Override
  public String toString() {
    return message;
  }
}
