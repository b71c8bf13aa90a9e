package dev.nomos.compiler.plan;

import java.util.List;

/**
 * A checked law, lowered to what both engines execute: the interpreter walks it, the code generator
 * compiles it, and the two must emit the same opinions in the same order. Every name is resolved
 * to an index (entity types, slots, actions, symbols), velocities are turned into next positions,
 * and holes are filled; nothing in a plan can fail to evaluate.
 *
 * <p>Execution: the {@code loops} nest in order (the first is outermost), each visiting objects in
 * ascending id order ({@code Frame.ofType}); a binding that repeats an object already bound by an
 * earlier loop is skipped. For each complete binding, if {@code guard} evaluates to true, the
 * {@code effects} are emitted in order. {@code objectVars} is the number of object variables (loop
 * variables and those of {@code exists}/{@code count} expressions); {@code intLocals} the number of
 * history-aggregate counters.
 */
public record LawPlan(String name, List<Loop> loops, PExpr guard, List<PEffect> effects, int objectVars,
    int intLocals) {

  public LawPlan {
    loops = List.copyOf(loops);
    effects = List.copyOf(effects);
  }
}
