package dev.nomos.compiler.format;

import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A span-free structural rendering of an AST, so tests can compare two parses of different texts:
 * records print as {@code Name(component, ...)}, spans and source files are left out.
 */
final class AstShape {
  private AstShape() {}

  static String of(Object node) {
    StringBuilder sb = new StringBuilder();
    append(sb, node);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, list.get(i));
      }
      sb.append(']');
    } else if (value instanceof String s) {
      sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    } else if (value.getClass().isRecord()) {
      sb.append(value.getClass().getSimpleName()).append('(');
      boolean first = true;
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        if (c.getType() == Span.class || c.getType() == SourceFile.class) {
          continue;
        }
        if (!first) {
          sb.append(", ");
        }
        first = false;
        try {
          append(sb, c.getAccessor().invoke(value));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      sb.append(')');
    } else {
      sb.append(value);
    }
  }
}
