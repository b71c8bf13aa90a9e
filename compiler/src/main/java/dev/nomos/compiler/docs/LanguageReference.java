package dev.nomos.compiler.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Nomos language reference ({@code docs/language.md}, packaged into the compiler jar), for
 * tools that explain the language: the learner puts it into LLM prompts, the CLI and the language
 * server can show it.
 */
public final class LanguageReference {
  static final String RESOURCE = "/dev/nomos/compiler/docs/language.md";

  private static volatile String cached;

  private LanguageReference() {}

  /** The whole reference as Markdown, stdlib section included. */
  public static String text() {
    String t = cached;
    if (t == null) {
      t = load();
      cached = t;
    }
    return t;
  }

  private static String load() {
    try (InputStream in = LanguageReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the language reference " + RESOURCE + " is missing from the compiler jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the language reference " + RESOURCE, e);
    }
  }
}
