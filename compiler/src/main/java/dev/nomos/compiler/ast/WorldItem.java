package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
import java.util.List;

/** One line of a world declaration. */
public sealed interface WorldItem extends Node {

  /** {@code screen 160 x 210}. {@code separator} is the word between the numbers (must be "x"). */
  record Screen(int width, Name separator, int height, Span span) implements WorldItem {}

  /** {@code velocity -30..30}: the support of vx and vy. */
  record Velocity(int min, int max, Span span) implements WorldItem {}

  /** {@code actions NOOP, FIRE, UP}. */
  record Actions(List<Name> actions, Span span) implements WorldItem {
    public Actions {
      actions = List.copyOf(actions);
    }
  }

  /** {@code contact_gap 0}: a named numeric world option (the checker knows which exist). */
  record Option(Name name, int value, Span span) implements WorldItem {}

  /** {@code entity Door { state: {open, closed, locked} }}. */
  record Entity(Name name, String doc, List<AttrDecl> attributes, Span span) implements WorldItem {
    public Entity {
      attributes = List.copyOf(attributes);
    }
  }

  /**
   * {@code enum Color { red, green, blue }}: a named symbol set, the type of every attribute declared
   * {@code : Color}, so that their values are copied and compared as one type. {@code keyword} is the
   * word {@code enum} as written.
   */
  record Enum(Name keyword, Name name, String doc, List<Name> symbols, Span span) implements WorldItem {
    public Enum {
      symbols = List.copyOf(symbols);
    }
  }
}
