package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.check.internal.ExprLowerer.Typed;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import java.util.ArrayList;
import java.util.List;

/** Where bare symbols live, and how a symbol of one set is re-expressed in another. */
final class Symbols {
  private Symbols() {}

  /** The symbol set a bare symbol belongs to when the context expects none: actions, sides, then attributes. */
  static SymbolSet home(LawContext cx, String text) {
    if (cx.actions.indexOf(text) >= 0) {
      return cx.actions;
    }
    if (cx.sides.indexOf(text) >= 0) {
      return cx.sides;
    }
    for (EntityType t : cx.schema.types()) {
      for (AttributeSpec a : t.extras()) {
        if (a.kind() == AttributeKind.SYMBOL && a.symbolIndex(text) >= 0) {
          return of(t, a);
        }
      }
    }
    return null;
  }

  static List<String> all(LawContext cx) {
    List<String> names = new ArrayList<>(cx.actions.symbols());
    names.addAll(cx.sides.symbols());
    for (EntityType t : cx.schema.types()) {
      for (AttributeSpec a : t.extras()) {
        names.addAll(a.symbols());
      }
    }
    return names;
  }

  public static SymbolSet of(EntityType t, AttributeSpec a) {
    return a.symbolType() != null ? new SymbolSet(a.symbolType(), a.symbols())
        : new SymbolSet(t.name() + "." + a.name(), a.symbols());
  }

  /**
   * A symbol value re-expressed as the index of the same-named symbol in {@code want}'s set, or null
   * when the sets share no symbol (or, with {@code subset}, when some symbol of the value's set is
   * missing from {@code want}'s). Symbols are stored as indexes into their own attribute's set, so
   * crossing sets must map names, never copy indexes.
   */
  public static Typed convert(Typed t, Ty want, boolean subset) {
    if (t.type().kind() != Ty.Kind.SYMBOL || want.kind() != Ty.Kind.SYMBOL || t.plan() == null) {
      return null;
    }
    List<String> from = t.type().symbols().symbols();
    SymbolSet to = want.symbols();
    boolean shared = from.stream().anyMatch(x -> to.indexOf(x) >= 0);
    boolean all = from.stream().allMatch(x -> to.indexOf(x) >= 0);
    if (!shared || (subset && !all)) {
      return null;
    }
    if (t.plan() instanceof PExpr.Const c) {
      return new Typed(want, new PExpr.Const(to.indexOf(from.get(c.value())), PType.INT));
    }
    boolean sameIndexes = true;
    for (int i = 0; i < from.size(); i++) {
      sameIndexes &= to.indexOf(from.get(i)) == i;
    }
    if (sameIndexes && to.symbols().size() >= from.size()) {
      return new Typed(want, t.plan());
    }
    PExpr chain = new PExpr.Const(-1, PType.INT);
    for (int i = from.size() - 1; i >= 0; i--) {
      PExpr test = new PExpr.Binary(PExpr.BinaryOp.EQ, t.plan(), new PExpr.Const(i, PType.INT), PType.BOOL);
      chain = new PExpr.If(test, new PExpr.Const(to.indexOf(from.get(i)), PType.INT), chain, PType.INT);
    }
    return new Typed(want, chain);
  }
}
