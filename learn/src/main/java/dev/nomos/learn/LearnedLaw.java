package dev.nomos.learn;

import java.util.Locale;

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
}
