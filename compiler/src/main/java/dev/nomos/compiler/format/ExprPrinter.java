package dev.nomos.compiler.format;

import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.Expr;
import java.util.List;

/**
 * Prints expressions with the fewest parentheses that parse back to the same tree.
 *
 * <p>Two rules decide where parentheses go. Precedence: an operand binding looser than its position
 * allows is wrapped (right operands of the left-associative binary operators need one level more
 * than left ones). Open tails: {@code if ... else e}, {@code exists o: T where e},
 * {@code count o: T where e} and {@code all|any|count k in a..b: e} extend as far right as the
 * text goes, so they are wrapped unless nothing follows them up to the next delimiter (a closing
 * bracket, a comma, a keyword, the end of the clause). {@code if} is also wrapped wherever it is an
 * operand, because {@code a + if c then 1 else 2} reads badly even where it parses.
 */
final class ExprPrinter {
  // Binding strength of each form (higher binds tighter). ANTLR gives every alternative of the
  // grammar's expr rule its own level, so `in {..}` binds tighter than `in lo..hi`.
  static final int LOWEST = -1;
  static final int OR = 0;
  static final int AND = 1;
  static final int NOT = 2;
  static final int COMPARE = 3;
  static final int IN_RANGE = 4;
  static final int IN_SET = 5;
  static final int ADD = 6;
  static final int MUL = 7;
  static final int NEGATE = 8;
  static final int PRIMARY = 10;

  private ExprPrinter() {}

  /** An expression in a delimited position (a whole clause, an argument, inside brackets). */
  static String print(Expr e) {
    StringBuilder sb = new StringBuilder();
    print(sb, e, LOWEST, true);
    return sb.toString();
  }

  /**
   * @param minPrecedence the loosest form that may stand here without parentheses
   * @param lastInContext whether nothing follows up to the next delimiter, so open tails may stay bare
   */
  static void print(StringBuilder sb, Expr e, int minPrecedence, boolean lastInContext) {
    if (needsParens(e, minPrecedence, lastInContext)) {
      sb.append('(');
      printBare(sb, e, true);
      sb.append(')');
    } else {
      printBare(sb, e, lastInContext);
    }
  }

  /** The two rules of the class comment: precedence, and open tails that something follows. */
  static boolean needsParens(Expr e, int minPrecedence, boolean lastInContext) {
    return precedence(e) < minPrecedence || (hasOpenTail(e) && !lastInContext);
  }

  static int precedence(Expr e) {
    if (e instanceof Expr.Binary b) {
      return precedence(b.op());
    }
    if (e instanceof Expr.Unary u) {
      return u.op() == Expr.UnaryOp.NOT ? NOT : NEGATE;
    }
    if (e instanceof Expr.IntLit i) {
      return i.value() < 0 ? NEGATE : PRIMARY;
    }
    if (e instanceof Expr.InSet) {
      return IN_SET;
    }
    if (e instanceof Expr.InRange) {
      return IN_RANGE;
    }
    if (e instanceof Expr.If) {
      return LOWEST;
    }
    return PRIMARY;
  }

  static int precedence(Expr.BinaryOp op) {
    switch (op) {
      case MUL: case DIV: case MOD: return MUL;
      case ADD: case SUB: return ADD;
      case AND: return AND;
      case OR: return OR;
      default: return COMPARE;
    }
  }

  static boolean hasOpenTail(Expr e) {
    return e instanceof Expr.If || quantifierTail(e) != null;
  }

  /** A quantifier's text up to its body, and the body, which extends as far right as the text goes. */
  record QuantifierTail(String head, Expr body) {}

  /**
   * The tail of {@code exists o: T where e}, {@code count o: T where e} or
   * {@code all|any|count k in a..b: e}; null for every other form.
   */
  static QuantifierTail quantifierTail(Expr e) {
    if (e instanceof Expr.Exists x && x.where() != null) {
      return new QuantifierTail("exists " + binding(x.binding()) + " where ", x.where());
    }
    if (e instanceof Expr.CountWhere c) {
      return new QuantifierTail("count " + binding(c.binding()) + " where ", c.where());
    }
    if (e instanceof Expr.HistoryAggregate h) {
      return new QuantifierTail(h.quantifier().keyword + " " + h.variable().text() + " in " + h.low() + ".."
          + h.high() + ": ", h.body());
    }
    return null;
  }

  private static void printBare(StringBuilder sb, Expr e, boolean last) {
    QuantifierTail tail = quantifierTail(e);
    if (tail != null) {
      sb.append(tail.head());
      print(sb, tail.body(), LOWEST, last);
    } else if (e instanceof Expr.IntLit i) {
      sb.append(i.value());
    } else if (e instanceof Expr.BoolLit b) {
      sb.append(b.value());
    } else if (e instanceof Expr.Hole) {
      sb.append('?');
    } else if (e instanceof Expr.ActionRef a) {
      sb.append("action");
      history(sb, a.history());
    } else if (e instanceof Expr.AttrRef a) {
      sb.append(a.object().text()).append('.').append(a.attribute().text());
      history(sb, a.history());
    } else if (e instanceof Expr.NameRef n) {
      sb.append(n.name().text());
    } else if (e instanceof Expr.StepRef) {
      sb.append("step");
    } else if (e instanceof Expr.Call c) {
      sb.append(c.function().text()).append('(');
      list(sb, c.args());
      sb.append(')');
      history(sb, c.history());
    } else if (e instanceof Expr.Unary u) {
      unary(sb, u, last);
    } else if (e instanceof Expr.Binary b) {
      int p = precedence(b.op());
      print(sb, b.left(), p, false);
      sb.append(' ').append(b.op().symbol).append(' ');
      print(sb, b.right(), p + 1, last);
    } else if (e instanceof Expr.InSet s) {
      print(sb, s.value(), IN_SET, false);
      sb.append(s.negated() ? " not in {" : " in {");
      list(sb, s.elements());
      sb.append('}');
    } else if (e instanceof Expr.InRange r) {
      print(sb, r.value(), IN_RANGE, false);
      sb.append(r.negated() ? " not in " : " in ");
      print(sb, r.low(), ADD, true);
      sb.append("..");
      print(sb, r.high(), IN_SET, last);
    } else if (e instanceof Expr.If i) {
      sb.append("if ");
      print(sb, i.condition(), LOWEST, true);
      sb.append(" then ");
      print(sb, i.then(), LOWEST, true);
      sb.append(" else ");
      print(sb, i.otherwise(), LOWEST, last);
    } else if (e instanceof Expr.Exists x) {
      sb.append("exists ").append(binding(x.binding()));
    } else if (e instanceof Expr.CountType c) {
      sb.append("count(").append(c.type().text()).append(')');
    } else if (e instanceof Expr.Earlier x) {
      if (x.quantifier() instanceof Expr.CountType) {
        printBare(sb, x.quantifier(), true);
      } else {
        sb.append('(');
        print(sb, x.quantifier(), LOWEST, true);
        sb.append(')');
      }
      history(sb, x.history());
    } else {
      throw new IllegalArgumentException("unknown expression " + e.getClass().getSimpleName());
    }
  }

  private static void unary(StringBuilder sb, Expr.Unary u, boolean last) {
    if (u.op() == Expr.UnaryOp.NOT) {
      sb.append("not ");
      print(sb, u.operand(), NOT, last);
      return;
    }
    sb.append('-');
    Expr operand = u.operand();
    // `--x` would read as a decrement and `-5` as a literal: keep a second minus apart.
    boolean startsWithMinus = (operand instanceof Expr.IntLit i && i.value() < 0)
        || (operand instanceof Expr.Unary inner && inner.op() == Expr.UnaryOp.NEGATE);
    if (startsWithMinus) {
      sb.append('(');
      print(sb, operand, LOWEST, true);
      sb.append(')');
    } else {
      print(sb, operand, NEGATE, last);
    }
  }

  /** {@code @-k} as written after a read, or "" for a read of frame t. */
  static String historyText(Expr.History h) {
    StringBuilder sb = new StringBuilder();
    history(sb, h);
    return sb.toString();
  }

  private static void history(StringBuilder sb, Expr.History h) {
    if (h == null) {
      return;
    }
    sb.append("@-");
    Expr steps = h.steps();
    if (steps instanceof Expr.IntLit i && i.value() >= 0) {
      sb.append(i.value());
    } else if (steps instanceof Expr.NameRef n) {
      sb.append(n.name().text());
    } else {
      sb.append('(');
      print(sb, steps, LOWEST, true);
      sb.append(')');
    }
  }

  private static void list(StringBuilder sb, List<Expr> items) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      print(sb, items.get(i), LOWEST, true);
    }
  }

  /** {@code o: T}, as binders and quantifiers write a binding. */
  static String binding(Binding b) {
    return b.variable().text() + ": " + b.type().text();
  }
}
