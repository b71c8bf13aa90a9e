package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/** A binder clause of a law: what objects the law ranges over. */
public sealed interface Binder extends Node {

  List<Binding> bindings();

  /** {@code for b: Ball, w: Wall}: every combination of distinct objects. */
  record For(List<Binding> bindings, Span span) implements Binder {
    public For {
      bindings = List.copyOf(bindings);
    }
  }

  /**
   * {@code on contact(b: Ball, w: Wall, side: TOP, cover: 0.5)}: pairs in a relation at t.
   * {@code relation} is the relation's name (today only {@code contact}).
   */
  record Relation(Name relation, Binding first, Binding second, List<RelationOption> options, Span span)
      implements Binder {
    public Relation {
      options = List.copyOf(options);
    }

    @Override
    public List<Binding> bindings() {
      return List.of(first, second);
    }
  }

  /** {@code side: TOP}, {@code cover: 0.5}, {@code side: ?}. */
  record RelationOption(Name name, OptionValue value, Span span) implements Node {}

  /** The value of a relation option. */
  sealed interface OptionValue extends Node {}

  record SymbolValue(Name symbol, Span span) implements OptionValue {}

  /** A number as written ({@code text}) and its value. */
  record NumberValue(double value, String text, Span span) implements OptionValue {}

  /** {@code ?}: left open for the learner to fill. */
  record HoleValue(Span span) implements OptionValue {}
}
