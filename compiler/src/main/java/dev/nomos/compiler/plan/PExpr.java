package dev.nomos.compiler.plan;

import dev.nomos.stdlib.StdlibFunction;
import java.util.List;

/**
 * Plan expressions. Integer arithmetic is Java {@code int} arithmetic (wrapping), except that
 * division and remainder by zero give 0, so that every expression is total. Symbols, actions and
 * sides are already their int indexes.
 */
public sealed interface PExpr {

  PType type();

  /** An int or bool constant (bool as 0/1). */
  record Const(int value, PType type) implements PExpr {}

  /** An object variable, as a function argument: evaluates to the object's index in the frame. */
  record ObjectVar(int var) implements PExpr {
    @Override public PType type() { return PType.OBJECT; }
  }

  /** {@code Frame.getAt(obj, slot, stepsBack)}; {@code stepsBack} null means now ({@code Frame.get}). */
  record Attr(int var, int slot, PExpr stepsBack, PType type) implements PExpr {}

  /** {@code Frame.vxAt/vyAt(obj, stepsBack)} ({@code axis} is Slots.X or Slots.Y); null stepsBack = now. */
  record Velocity(int var, int axis, PExpr stepsBack) implements PExpr {
    @Override public PType type() { return PType.INT; }
  }

  /** {@code Frame.actionAt(stepsBack)}; null stepsBack = now ({@code Frame.action()}). */
  record Action(PExpr stepsBack) implements PExpr {
    @Override public PType type() { return PType.INT; }
  }

  /** {@code Frame.step()}: the step index of frame t within its episode. */
  record Step() implements PExpr {
    @Override public PType type() { return PType.INT; }
  }

  /**
   * {@code call} evaluated at frame t-{@code stepsBack}: stepsBack first, then the arguments left to
   * right; each OBJECT argument is mapped to its index there with {@code Frame.indexBack}, and at the
   * first one that is -1 (the object was not present throughout) the value is the function's
   * {@code absent()} without calling it. Otherwise the function runs on {@code Frame.back(stepsBack)}
   * with the mapped indexes (other arguments as evaluated at t).
   */
  record CallAt(Call call, PExpr stepsBack) implements PExpr {
    @Override public PType type() { return call.type(); }
  }

  /** A history-aggregate counter. */
  record Local(int index) implements PExpr {
    @Override public PType type() { return PType.INT; }
  }

  /** A stdlib call; OBJECT arguments are {@link ObjectVar}s, TYPE arguments int constants. */
  record Call(StdlibFunction function, List<PExpr> args, PType type) implements PExpr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** NEG (int), NOT (bool). */
  record Unary(UnaryOp op, PExpr operand, PType type) implements PExpr {}

  /**
   * Arithmetic (ADD SUB MUL DIV MOD: int), comparisons (EQ NE LT LE GT GE: int operands, bool
   * result; EQ/NE also on bools and objects), AND OR (bool, short-circuit).
   */
  record Binary(BinaryOp op, PExpr left, PExpr right, PType type) implements PExpr {}

  record If(PExpr condition, PExpr then, PExpr otherwise, PType type) implements PExpr {}

  /** {@code value in {elements}} (negated: {@code not in}); elements evaluated left to right. */
  record InSet(PExpr value, List<PExpr> elements, boolean negated) implements PExpr {
    public InSet {
      elements = List.copyOf(elements);
    }
    @Override public PType type() { return PType.BOOL; }
  }

  /** {@code low <= value && value <= high} (negated: {@code not in}). */
  record InRange(PExpr value, PExpr low, PExpr high, boolean negated) implements PExpr {
    @Override public PType type() { return PType.BOOL; }
  }

  /**
   * {@code exists v: T where cond}: true if some object of {@code entityType} (ANY_TYPE: any), other than
   * the objects bound in {@code excluded} at this point, makes {@code where} true (null where: true).
   */
  record Exists(int var, int entityType, int[] excluded, PExpr where) implements PExpr {
    @Override public PType type() { return PType.BOOL; }
  }

  /** {@code count v: T where cond}, with the same exclusions as {@link Exists}. */
  record CountWhere(int var, int entityType, int[] excluded, PExpr where) implements PExpr {
    @Override public PType type() { return PType.INT; }
  }

  /** {@code count(T)}: the number of objects of {@code entityType} at t (ANY_TYPE: all objects). */
  record CountType(int entityType) implements PExpr {
    @Override public PType type() { return PType.INT; }
  }

  /**
   * {@code body} (an {@link Exists}, {@link CountWhere} or {@link CountType}) evaluated at frame
   * t-{@code stepsBack}, over the objects of that frame: stepsBack first; when
   * {@code Frame.back(stepsBack)} is null (the history kept does not reach) the value is 0. Each
   * variable of {@code read} (bound outside the body and read by it) is mapped, in order, to its
   * index there with {@code Frame.indexBack}; at the first that is -1 (the object was not present
   * throughout) the value is 0: nothing to relate, no object found, none counted. Each of
   * {@code skipped} (bound outside, only excluded from the scan) is mapped too, -1 then matching no
   * object. The body then runs with that frame in place of frame t and the mapped indexes in place
   * of the variables' (restored afterwards), so its own history reads look further back from t-k.
   */
  record Earlier(PExpr body, PExpr stepsBack, int[] read, int[] skipped) implements PExpr {
    @Override public PType type() { return body.type(); }
  }

  /**
   * {@code next(body)} in a constraint's guard: {@code body} (bool) evaluated on the frame t+1 the sink
   * gives ({@code OpinionSink.nextFrame()}); false when it gives none. Each variable of {@code read}
   * (bound outside, read by the body) is mapped, in order, to the object with the same id there
   * ({@code Frame.indexOfId}); false at the first that is not there. Each of {@code skipped} is mapped
   * too, -1 matching no object. The body then runs with that frame in place of frame t and the
   * mapped indexes in place of the variables' (restored afterwards), like {@link Earlier}.
   */
  record Next(PExpr body, int[] read, int[] skipped) implements PExpr {
    @Override public PType type() { return PType.BOOL; }
  }

  /**
   * {@code all|any|count k in lo..hi: body}: binds local {@code local} to lo, lo+1, ..., hi in
   * order; ALL and ANY short-circuit; COUNT gives the number of true bodies.
   */
  record HistoryAggregate(Quantifier quantifier, int local, int low, int high, PExpr body) implements PExpr {
    @Override public PType type() { return quantifier == Quantifier.COUNT ? PType.INT : PType.BOOL; }
  }

  enum UnaryOp { NEG, NOT }

  enum BinaryOp { ADD, SUB, MUL, DIV, MOD, EQ, NE, LT, LE, GT, GE, AND, OR }

  enum Quantifier { ALL, ANY, COUNT }
}
