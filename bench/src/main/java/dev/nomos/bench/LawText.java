package dev.nomos.bench;

/** The text of one workload law, in the layout {@code nomos fmt} gives it. */
final class LawText {
  private LawText() {}

  /** {@code law name { ... }} with one clause per line ({@code for ...}, {@code when ...}, {@code then ...}). */
  static String law(String name, String... clauses) {
    return "law " + name + " {\n  " + String.join("\n  ", clauses) + "\n}\n";
  }
}
