package dev.nomos.compiler.goal;

import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises the goal clauses that say "every A stands on some B", in the two ways the language
 * can say it:
 *
 * <pre>
 * not exists a: A where not exists b: B where a.x == b.x and a.y == b.y
 * count a: A where (exists b: B where a.x == b.x and a.y == b.y) == count(A)
 * </pre>
 *
 * <p>The inner condition may name the two equalities in either order and with either side first,
 * and may be parenthesised; anything else in it (a further condition on b) makes the clause
 * unrecognised, since the estimate would then ignore it.
 */
final class CoverageForms {
  private CoverageForms() {}

  /** The top-level conjuncts of {@code e} ({@code a and b and c}: a, b, c). */
  static List<Expr> conjuncts(Expr e) {
    List<Expr> out = new ArrayList<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, List<Expr> out) {
    if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.AND) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else {
      out.add(e);
    }
  }

  /** The coverage {@code clause} states, or null when it has another form. */
  static Coverage match(Expr clause, WorldSchema schema) {
    if (clause instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT
        && u.operand() instanceof Expr.Exists outer && outer.where() instanceof Expr.Unary inner
        && inner.op() == Expr.UnaryOp.NOT && inner.operand() instanceof Expr.Exists covering) {
      return coverage(outer.binding(), covering, schema);
    }
    if (clause instanceof Expr.Binary eq && eq.op() == Expr.BinaryOp.EQ) {
      Coverage c = countForm(eq.left(), eq.right(), schema);
      return c != null ? c : countForm(eq.right(), eq.left(), schema);
    }
    return null;
  }

  private static Coverage countForm(Expr counted, Expr total, WorldSchema schema) {
    if (counted instanceof Expr.CountWhere cw && cw.where() instanceof Expr.Exists covering
        && total instanceof Expr.CountType all && all.type().text().equals(cw.binding().type().text())) {
      return coverage(cw.binding(), covering, schema);
    }
    return null;
  }

  private static Coverage coverage(Binding covered, Expr.Exists covering, WorldSchema schema) {
    if (covering.where() == null) {
      return null;
    }
    String a = covered.variable().text();
    String b = covering.binding().variable().text();
    List<Expr> parts = conjuncts(covering.where());
    if (parts.size() != 2) {
      return null;
    }
    boolean x = parts.stream().anyMatch(p -> sameAttribute(p, a, b, "x"));
    boolean y = parts.stream().anyMatch(p -> sameAttribute(p, a, b, "y"));
    if (!x || !y) {
      return null;
    }
    Integer coveredType = typeIndex(covered.type().text(), schema);
    Integer coveringType = typeIndex(covering.binding().type().text(), schema);
    return coveredType == null || coveringType == null ? null : new Coverage(coveredType, coveringType);
  }

  /** Whether {@code e} is {@code a.attr == b.attr} or {@code b.attr == a.attr} (read now). */
  private static boolean sameAttribute(Expr e, String a, String b, String attribute) {
    if (!(e instanceof Expr.Binary eq) || eq.op() != Expr.BinaryOp.EQ) {
      return false;
    }
    return reads(eq.left(), a, attribute) && reads(eq.right(), b, attribute)
        || reads(eq.left(), b, attribute) && reads(eq.right(), a, attribute);
  }

  private static boolean reads(Expr e, String variable, String attribute) {
    return e instanceof Expr.AttrRef r && r.history() == null && r.object().text().equals(variable)
        && r.attribute().text().equals(attribute);
  }

  /** The type's index, -1 for {@code Object}, null when the world has no such type. */
  private static Integer typeIndex(String name, WorldSchema schema) {
    if (name.equals("Object")) {
      return -1;
    }
    EntityType t = schema.type(name);
    return t == null ? null : t.index();
  }
}
