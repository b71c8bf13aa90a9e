package dev.nomos.learn.internal;

import dev.nomos.compiler.ast.Binder;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.LawDecl;
import java.util.ArrayList;
import java.util.List;

/**
 * How many conditions a law states, read off its syntax tree: its binder's contact, and each
 * {@code and}-ed term of its guard, where a disjunction counts as one condition (one statement for
 * several cases, as "the object in front" is for every heading) and a disjunction that says on
 * which side a side-less contact lies counts as the side it refines ({@code side: S} is part of the
 * contact). Among laws the training data cannot tell apart, the one stating fewer conditions holds
 * in more situations the data does not show.
 */
public final class Narrowness {
  private Narrowness() {}

  /** The conditions {@code law} states. */
  public static int conditions(LawDecl law) {
    Binder.Relation contact = null;
    for (Binder b : law.binders()) {
      if (b instanceof Binder.Relation r) {
        contact = r;
        break;
      }
    }
    int n = contact == null ? 0 : 1;
    if (law.guard() != null) {
      boolean sideLess = contact != null && contact.options().stream().noneMatch(o -> o.name().text().equals("side"));
      n += terms(law.guard(), sideLess ? contact : null);
    }
    return n;
  }

  /**
   * Conditions of a guard expression.
   *
   * @param sideLess the side-less contact whose side a disjunction may name for free, or null
   */
  private static int terms(Expr e, Binder.Relation sideLess) {
    if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
      return sideLess != null && namesSide(b, sideLess) ? 0 : 1;
    }
    if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
      List<Expr> conjuncts = new ArrayList<>();
      conjuncts(b, conjuncts);
      int n = 0;
      for (Expr c : conjuncts) {
        int t = terms(c, sideLess);
        if (t == 0) {
          // The side is named once: a second disjunction naming it is a condition of its own.
          sideLess = null;
        }
        n += t;
      }
      return n;
    }
    return 1;
  }

  private static void conjuncts(Expr e, List<Expr> out) {
    if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
      conjuncts(b.left(), out);
      conjuncts(b.right(), out);
    } else {
      out.add(e);
    }
  }

  /** Whether {@code e} calls {@code side(a, b)} on the contact's two objects. */
  private static boolean namesSide(Expr e, Binder.Relation contact) {
    if (e instanceof Expr.Call c) {
      if (c.function().text().equals("side") && c.args().size() == 2 && c.args().get(0) instanceof Expr.NameRef a
          && c.args().get(1) instanceof Expr.NameRef b && a.name().text().equals(contact.first().variable().text())
          && b.name().text().equals(contact.second().variable().text())) {
        return true;
      }
      return c.args().stream().anyMatch(arg -> namesSide(arg, contact));
    }
    if (e instanceof Expr.Binary b) {
      return namesSide(b.left(), contact) || namesSide(b.right(), contact);
    }
    if (e instanceof Expr.Unary u) {
      return namesSide(u.operand(), contact);
    }
    if (e instanceof Expr.If i) {
      return namesSide(i.condition(), contact) || namesSide(i.then(), contact) || namesSide(i.otherwise(), contact);
    }
    if (e instanceof Expr.Exists x) {
      return namesSide(x.where(), contact);
    }
    if (e instanceof Expr.CountWhere x) {
      return namesSide(x.where(), contact);
    }
    if (e instanceof Expr.InSet s) {
      return namesSide(s.value(), contact) || s.elements().stream().anyMatch(x -> namesSide(x, contact));
    }
    if (e instanceof Expr.InRange r) {
      return namesSide(r.value(), contact) || namesSide(r.low(), contact) || namesSide(r.high(), contact);
    }
    return false;
  }
}
