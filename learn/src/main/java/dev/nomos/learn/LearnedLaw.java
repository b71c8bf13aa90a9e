package dev.nomos.learn;

import dev.nomos.compiler.format.FittedChances;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A law of the learned model: its name, its source text (without a weight) and its fitted weight. */
public record LearnedLaw(String name, String source, double weight) {

  /** The source with {@code weight w} written into the header, as {@code nomos fit} writes it. */
  public String sourceWithWeight() {
    String w = String.format(Locale.ROOT, "%.4f", weight).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    String text = source.strip();
    // The header is found after any comments above it, which may well say "law" themselves.
    String header = LawText.withoutLeadingComments(text);
    return LawText.leadingComments(text) + header.replaceFirst(
        "\\blaw\\s+([A-Za-z_][A-Za-z0-9_]*)(\\s+weight\\s+[-+0-9.eE]+)?", "law $1 weight " + w);
  }

  /**
   * The source with its weight and its fitted creation probabilities: the k-th
   * {@code with probability fitted [p]} takes {@code chances[k]} (NaN keeps it), as {@code nomos fit} writes them.
   */
  public String sourceWithWeight(double[] chances) {
    String text = sourceWithWeight();
    String comments = LawText.leadingComments(text);
    Matcher m = FITTED.matcher(text.substring(comments.length()));
    StringBuilder out = new StringBuilder();
    int k = 0;
    while (m.find()) {
      double v = k < chances.length ? chances[k] : Double.NaN;
      k++;
      m.appendReplacement(out, Double.isNaN(v) ? Matcher.quoteReplacement(m.group())
          : "with probability fitted " + FittedChances.text(v));
    }
    m.appendTail(out);
    return comments + out;
  }

  private static final Pattern FITTED = Pattern.compile("\\bwith\\s+probability\\s+fitted(\\s+[0-9]+(\\.[0-9]+)?)?");
}
