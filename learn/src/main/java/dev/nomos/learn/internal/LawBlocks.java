package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the law text in an LLM answer: the contents of its fenced {@code ```nomos} blocks. */
public final class LawBlocks {
  private static final Pattern FENCE = Pattern.compile("```[ \\t]*(nomos|law)?[ \\t]*\\r?\\n(.*?)```", Pattern.DOTALL);

  private LawBlocks() {}

  /**
   * The text of every {@code ```nomos} block, joined; if there is none, of every unlabelled fenced
   * block that contains {@code law}; empty when the answer has no usable block.
   */
  public static String extract(String answer) {
    List<String> labelled = new ArrayList<>();
    List<String> unlabelled = new ArrayList<>();
    Matcher m = FENCE.matcher(answer);
    while (m.find()) {
      if (m.group(1) != null) {
        labelled.add(m.group(2));
      } else if (m.group(2).contains("law ")) {
        unlabelled.add(m.group(2));
      }
    }
    List<String> blocks = labelled.isEmpty() ? unlabelled : labelled;
    return String.join("\n", blocks).strip();
  }
}
