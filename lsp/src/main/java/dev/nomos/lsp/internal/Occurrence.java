package dev.nomos.lsp.internal;

import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.meaning.Reference;
import dev.nomos.compiler.source.Span;

/**
 * One appearance of a name: where ({@code uri}, {@code span} of the name only), what it stands for,
 * whether this is its declaration, and {@code detail}: the binder's type for binders ("step" and
 * "case" for step and case variables), the type an attribute is read through for attribute uses.
 * {@code target} is the declaration the checker resolved it to; null where the name was read from
 * the tokens of a law that does not parse.
 */
public record Occurrence(String uri, Span span, SymbolKey key, boolean declaration, String detail,
    Declaration target) {

  /** The occurrence of a checker's reference in the file {@code uri}; {@code declaredIn}: the uri of its declaration. */
  static Occurrence of(String uri, Reference r, String declaredIn) {
    Declaration d = r.target();
    String detail = switch (d.kind()) {
      case BINDER, VALUE_PARAMETER -> d.detail();
      case STEP -> "step";
      case CASE_PARAMETER -> "case";
      case ATTRIBUTE -> r.receiver();
      case WORLD_TARGET -> "world";
      case SYMBOL -> d.owner();
      case ACTION -> "action";
      default -> null;
    };
    return new Occurrence(uri, r.span(), SymbolKey.of(d, declaredIn), r.declaration(), detail, d);
  }
}
