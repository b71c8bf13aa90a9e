package dev.nomos.compiler.internal;

/** Rewrites ANTLR's generated messages into the vocabulary of the language. */
final class SyntaxMessages {
  private SyntaxMessages() {}

  static String humanize(String antlrMessage) {
    String m = antlrMessage
        .replace("<EOF>", "end of file")
        .replace("extraneous input", "unexpected")
        .replace("mismatched input", "unexpected")
        .replace("no viable alternative at input", "cannot parse")
        .replace("token recognition error at:", "unexpected character");
    return m.replace(" expecting ", ", expected ");
  }
}
