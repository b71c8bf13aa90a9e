package dev.nomos.compiler.docs;

import dev.nomos.stdlib.Side;
import dev.nomos.stdlib.Stdlib;
import dev.nomos.stdlib.StdlibFunction;

/**
 * The stdlib reference, generated from the registry so that docs, LLM prompts and the compiler
 * cannot disagree about what exists. {@code docs/language.md} holds a copy between
 * {@link #BEGIN} and {@link #END}; a test fails when the copy is stale.
 */
public final class StdlibReference {
  public static final String BEGIN = "<!-- stdlib:begin -->";
  public static final String END = "<!-- stdlib:end -->";

  private StdlibReference() {}

  /** Markdown for every stdlib function, in registry order, ending with a newline. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| Function | Meaning |\n");
    sb.append("|---|---|\n");
    for (StdlibFunction f : Stdlib.all()) {
      sb.append("| `").append(f.signature()).append("` | ").append(cell(f.doc())).append(" |\n");
    }
    sb.append('\n');
    sb.append("`Object` parameters take bound object variables (`b`, `w`, `o`), never attribute values. ");
    sb.append("`Type` parameters take an entity type name (`Ball`), or `Object` for objects of any type. ");
    sb.append("`Side` values are ").append(String.join(", ", Side.NAMES.stream().map(n -> "`" + n + "`").toList()))
        .append("; compare them with `==`, `!=` or `in {...}`. ");
    sb.append("Every function is total: no argument makes it fail. ");
    sb.append("A function with `Object` parameters can be read at an earlier frame, `touching(a, b)@-k` "
        + "(section 7.5); where one of its objects was not present throughout the last k steps it gives ");
    sb.append(String.join(", ", Stdlib.all().stream().filter(StdlibFunction::takesFrame)
        .map(f -> "`" + f.name() + "` " + absentText(f)).toList()));
    sb.append(".\n");
    return sb.toString();
  }

  /** The value a function gives at an earlier frame where one of its objects was not there, as source text. */
  public static String absentText(StdlibFunction f) {
    return switch (f.returns()) {
      case BOOL -> f.absent() == 0 ? "false" : "true";
      case SIDE -> Side.NAMES.get(f.absent());
      default -> Integer.toString(f.absent());
    };
  }

  /** One line per function ({@code name(params) -> type: doc}), compact enough for an LLM prompt. */
  public static String plainText() {
    StringBuilder sb = new StringBuilder();
    for (StdlibFunction f : Stdlib.all()) {
      sb.append(f.signature()).append(": ").append(f.doc()).append('\n');
    }
    return sb.toString();
  }

  /**
   * {@code document} with the text between the markers replaced by {@link #markdown()}.
   *
   * @throws IllegalArgumentException if the markers are missing or out of order
   */
  public static String splice(String document) {
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the document has no " + BEGIN + " ... " + END + " section");
    }
    return document.substring(0, begin + BEGIN.length()) + "\n" + markdown() + document.substring(end);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
