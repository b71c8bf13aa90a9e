package dev.nomos.learn.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the values of one extra attribute of one entity type look like across recordings, and the
 * declaration a careful person would write for it.
 *
 * <p>Ints get room for values a new level may show ({@link #intRange}): the range starts at 0 or
 * lower, and grows by half its width (at least 1) above the highest value seen, and below the lowest
 * when that is negative. An attribute that wraps around both ways (objects' values step from the
 * highest seen to the lowest and from the lowest to the highest, as a heading 0..3 turned left and
 * right does) is cyclic and keeps its range exactly.
 * Symbols are declared in order of first appearance.
 */
public final class AttributeSummary {
  /** The kinds a value may have, named as a declaration writes them. */
  public enum Kind {
    INT("an int"), BOOL("a bool"), SYMBOL("a symbol");

    private final String described;

    Kind(String described) {
      this.described = described;
    }

    /** The kind of a recorded value (Integer, Boolean or String). */
    public static Kind of(Object value) {
      return value instanceof Integer ? INT : value instanceof Boolean ? BOOL : SYMBOL;
    }
  }

  private Kind kind;
  private int min = Integer.MAX_VALUE;
  private int max = Integer.MIN_VALUE;
  private final Set<String> symbols = new LinkedHashSet<>();
  /** Distinct changes of one object's int value from one step to the next, as {from, to}. */
  private final Set<List<Integer>> changes = new HashSet<>();

  /**
   * Adds a value.
   *
   * @return null, or why the value cannot belong to this attribute (it has another kind)
   */
  public String add(Object value) {
    Kind k = Kind.of(value);
    if (kind != null && kind != k) {
      return "holds " + k.described + " here but " + kind.described + " before";
    }
    kind = k;
    if (value instanceof Integer i) {
      min = Math.min(min, i);
      max = Math.max(max, i);
    } else if (value instanceof String s) {
      symbols.add(s);
    }
    return null;
  }

  /** Records that one object's value went from {@code from} to {@code to} in one step. */
  public void change(Object from, Object to) {
    if (from instanceof Integer a && to instanceof Integer b && !a.equals(b)) {
      changes.add(List.of(a, b));
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The symbols seen, in order of first appearance. */
  public List<String> symbols() {
    return List.copyOf(symbols);
  }

  /** The lowest and highest int seen. */
  public int[] seen() {
    return new int[] {min, max};
  }

  /**
   * Whether objects' values stepped from the highest seen to the lowest and back (3 to 0 and 0 to 3
   * on a heading turned both ways). One direction alone is not enough: a counter that is refilled
   * (0 to its maximum) does that too, and needs room to grow.
   */
  public boolean wraps() {
    return max - min >= 2 && changes.contains(List.of(max, min)) && changes.contains(List.of(min, max));
  }

  /** The declared int range: {lo, hi}, by the rule in the class comment. */
  public int[] intRange() {
    if (wraps()) {
      return new int[] {min, max};
    }
    int lo = Math.min(0, min);
    int margin = Math.max(1, (int) Math.ceil((max - lo) / 2.0));
    return new int[] {min < 0 ? lo - margin : lo, max + margin};
  }

  /** The attribute's type as the declaration writes it. */
  public String declaration() {
    return switch (kind) {
      case INT -> {
        int[] r = intRange();
        yield "int " + r[0] + ".." + r[1];
      }
      case BOOL -> "bool";
      case SYMBOL -> "{" + String.join(", ", symbols) + "}";
    };
  }

  /** What the declaration adds to what was seen, for a comment; null when nothing. */
  public String widened() {
    if (kind != Kind.INT) {
      return null;
    }
    int[] r = intRange();
    return r[0] == min && r[1] == max ? null : min + ".." + max;
  }
}
