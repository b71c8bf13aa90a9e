package dev.nomos.learn;

import dev.nomos.learn.internal.BoundedMemo;
import java.util.regex.Pattern;

/**
 * Cheap textual identity of a law: comments, the name, the weight and whitespace removed. Two laws
 * with the same key say the same thing; the learning loop refines this with the formatter's
 * canonical form where the compiler is at hand.
 */
public final class LawText {
  private static final Pattern HEADER = Pattern.compile("^\\s*law\\s+[A-Za-z_][A-Za-z0-9_]*(\\s+weight\\s+[-+0-9.eE]+)?");

  /** Compiled once: the learner keys every law it proposes, tries and keeps, every round. */
  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPACE_BESIDE_SYMBOL = Pattern.compile(" (?=[^A-Za-z0-9_ ])|(?<=[^A-Za-z0-9_ ]) ");

  private LawText() {}

  /** Keys already worked out: the learner keys the same laws (the model's, the ones tried, candidates mined again) every round. */
  private static final BoundedMemo KEYS = new BoundedMemo(LawText::keyOf, 50_000);

  public static String key(String lawSource) {
    return KEYS.apply(lawSource);
  }

  private static String keyOf(String lawSource) {
    String noComments = COMMENT.matcher(lawSource).replaceAll("");
    String noHeader = HEADER.matcher(noComments.strip()).replaceFirst("law");
    return SPACE_BESIDE_SYMBOL.matcher(SPACES.matcher(noHeader.strip()).replaceAll(" ")).replaceAll("");
  }

  /** The weight written in the law's header ({@code law n weight 0.5}), or null when none is. */
  public static Double weight(String lawSource) {
    var m = Pattern.compile("^\\s*law\\s+[A-Za-z_][A-Za-z0-9_]*\\s+weight\\s+([-+0-9.eE]+)")
        .matcher(withoutLeadingComments(lawSource));
    if (!m.find()) {
      return null;
    }
    try {
      return Double.valueOf(m.group(1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The text from the law header on: comment lines and blank lines before it removed. */
  static String withoutLeadingComments(String lawSource) {
    return lawSource.replaceFirst("^(\\s*//[^\\n]*(\\n|$))*", "");
  }

  /** The comment lines (and blank lines) before the law header, as written. */
  static String leadingComments(String lawSource) {
    return lawSource.substring(0, lawSource.length() - withoutLeadingComments(lawSource).length());
  }
}
