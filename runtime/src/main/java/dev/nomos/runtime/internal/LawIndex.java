package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.LawScope;
import java.util.List;

/**
 * A model's laws grouped once by the actions they can fire under, with the entity types each binds
 * ({@link LawScope}): a step runs only the laws of its action's group whose types the frame holds,
 * in model order. The laws skipped would have emitted nothing, so the opinions collected are the
 * same as running every law. Immutable and shared by every thread of a model.
 */
public final class LawIndex {
  private final int declaredActions;
  /** Laws by action: [0] for no action, [a + 1] for declared action a, the last for undeclared actions. */
  private final int[][] byAction;
  /** Per law, the entity types the frame must hold (usually none or one or two). */
  private final int[][] types;
  private final int typeCount;

  private LawIndex(int declaredActions, int[][] byAction, int[][] types, int typeCount) {
    this.declaredActions = declaredActions;
    this.byAction = byAction;
    this.types = types;
    this.typeCount = typeCount;
  }

  /** The index of {@code laws} for a world of {@code declaredActions} actions and {@code typeCount} entity types. */
  public static LawIndex of(List<Law> laws, int declaredActions, int typeCount) {
    int n = laws.size();
    LawScope[] scopes = new LawScope[n];
    int[][] types = new int[n][];
    for (int i = 0; i < n; i++) {
      scopes[i] = laws.get(i).scope();
      types[i] = scopes[i].types();
    }
    int[][] byAction = new int[declaredActions + 2][];
    for (int bucket = 0; bucket < byAction.length; bucket++) {
      int action = bucket == 0 ? -1 : bucket <= declaredActions ? bucket - 1 : Integer.MAX_VALUE;
      int[] members = new int[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (scopes[i].allows(action)) {
          members[count++] = i;
        }
      }
      byAction[bucket] = java.util.Arrays.copyOf(members, count);
    }
    return new LawIndex(declaredActions, byAction, types, typeCount);
  }

  /** The laws that may fire under {@code action} (-1 for none), ascending. Do not modify. */
  public int[] candidates(int action) {
    return byAction[group(action)];
  }

  /** The entity types law {@code law} binds. Do not modify. */
  public int[] types(int law) {
    return types[law];
  }

  /** Number of entity types of the world, the size of a presence array. */
  public int typeCount() {
    return typeCount;
  }

  /**
   * The laws of {@link #candidates candidates(action)} whose types are all in {@code present}, in
   * model order: the laws a frame with that action and those types runs.
   */
  public int[] admitted(int action, boolean[] present) {
    int[] candidates = candidates(action);
    int[] out = new int[candidates.length];
    int count = 0;
    for (int i : candidates) {
      boolean admitted = true;
      for (int type : types[i]) {
        admitted &= present[type];
      }
      if (admitted) {
        out[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /**
   * Which action group {@code action} falls in: 0 for none, 1 + a for declared action a, and one
   * group after them for every undeclared action. Groups number 0 to {@code declaredActions + 1}.
   */
  public int group(int action) {
    return action < 0 ? 0 : action < declaredActions ? action + 1 : declaredActions + 1;
  }

  /** Number of action groups ({@link #group}). */
  public int groups() {
    return byAction.length;
  }

  /** Fills {@code present[type]} with whether {@code frame} holds an object of that type. */
  public static void presence(Frame frame, boolean[] present) {
    for (int type = 0; type < present.length; type++) {
      present[type] = frame.ofType(type).length > 0;
    }
  }
}
