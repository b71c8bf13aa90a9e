package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/** An extra attribute of an entity: {@code points: int 0..100}, {@code open: bool}, {@code state: {a, b}}. */
public record AttrDecl(Name name, Type type, Span span) implements Node {

  /** The declared type of an attribute. */
  public sealed interface Type extends Node {}

  /** {@code int} with an optional range; {@code min}/{@code max} are null when not written. */
  public record IntType(Integer min, Integer max, Span span) implements Type {}

  public record BoolType(Span span) implements Type {}

  public record SymbolType(List<Name> symbols, Span span) implements Type {
    public SymbolType {
      symbols = List.copyOf(symbols);
    }
  }

  /** {@code color: Color}: a symbol set the world declares once with {@code enum Color {...}}. */
  public record NamedType(Name name, Span span) implements Type {}
}
