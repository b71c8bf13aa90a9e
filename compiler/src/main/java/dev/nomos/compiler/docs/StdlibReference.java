package dev.nomos.compiler.docs;

import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.stdlib.StdlibFunction;

/**
 * The generated parts of the language reference, read from the {@link LanguageDescriptor} so that
 * docs, LLM prompts and the compiler cannot disagree about what exists: the stdlib (between
 * {@link #BEGIN} and {@link #END}) and the reserved words (between {@link #KEYWORDS_BEGIN} and
 * {@link #KEYWORDS_END}). {@code docs/language.md} holds a copy of each; a test fails when a copy
 * is stale.
 */
public final class StdlibReference {
  public static final String BEGIN = "<!-- stdlib:begin -->";
  public static final String END = "<!-- stdlib:end -->";
  public static final String KEYWORDS_BEGIN = "<!-- keywords:begin -->";
  public static final String KEYWORDS_END = "<!-- keywords:end -->";
  private static final LanguageDescriptor LANGUAGE = LanguageDescriptor.get();

  private StdlibReference() {}

  /** Markdown for every stdlib function, in registry order, ending with a newline. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| Function | Meaning |\n");
    sb.append("|---|---|\n");
    for (StdlibFunction f : LANGUAGE.functions()) {
      sb.append("| `").append(f.signature()).append("` | ").append(cell(f.doc())).append(" |\n");
    }
    sb.append('\n');
    sb.append("`Object` parameters take bound object variables (`b`, `w`, `o`), never attribute values. ");
    sb.append("`Type` parameters take an entity type name (`Ball`), or `Object` for objects of any type. ");
    sb.append("`Side` values are ").append(String.join(", ", LANGUAGE.sides().stream().map(n -> "`" + n + "`").toList()))
        .append("; compare them with `==`, `!=` or `in {...}`. ");
    sb.append("Every function is total: no argument makes it fail. ");
    sb.append("A function with `Object` parameters can be read at an earlier frame, `touching(a, b)@-k` "
        + "(section 7.5); where one of its objects was not present throughout the last k steps it gives ");
    sb.append(String.join(", ", LANGUAGE.functions().stream().filter(StdlibFunction::takesFrame)
        .map(f -> "`" + f.name() + "` " + absentText(f)).toList()));
    sb.append(".\n");
    return sb.toString();
  }

  /** The value a function gives at an earlier frame where one of its objects was not there, as source text. */
  public static String absentText(StdlibFunction f) {
    return switch (f.returns()) {
      case BOOL -> f.absent() == 0 ? "false" : "true";
      case SIDE -> LANGUAGE.sides().get(f.absent());
      default -> Integer.toString(f.absent());
    };
  }

  /** One line per function ({@code name(params) -> type: doc}), compact enough for an LLM prompt. */
  public static String plainText() {
    StringBuilder sb = new StringBuilder();
    for (StdlibFunction f : LANGUAGE.functions()) {
      sb.append(f.signature()).append(": ").append(f.doc()).append('\n');
    }
    return sb.toString();
  }

  /** The reserved words, in the lexer's order of declaration, as inline code: {@code `use` `world` ...}. */
  public static String keywords() {
    return String.join(" ", LANGUAGE.reservedWords().stream().map(w -> "`" + w + "`").toList());
  }

  /**
   * {@code document} with the stdlib section replaced by {@link #markdown()} and the keywords
   * section by {@link #keywords()}.
   *
   * @throws IllegalArgumentException if a section's markers are missing or out of order
   */
  public static String splice(String document) {
    String spliced = splice(document, BEGIN, END, "\n" + markdown());
    return spliced.contains(KEYWORDS_BEGIN) ? splice(spliced, KEYWORDS_BEGIN, KEYWORDS_END, keywords()) : spliced;
  }

  private static String splice(String document, String beginMarker, String endMarker, String content) {
    int begin = document.indexOf(beginMarker);
    int end = document.indexOf(endMarker);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the document has no " + beginMarker + " ... " + endMarker + " section");
    }
    return document.substring(0, begin + beginMarker.length()) + content + document.substring(end);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
