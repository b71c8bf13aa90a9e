package dev.nomos.runtime.internal;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.FusibleLaw;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.LawScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A model's laws grouped once by the actions they can fire under, with the entity types each binds
 * ({@link LawScope}): a step runs only the laws of its action's group whose types the frame holds,
 * in model order. Laws with a {@link LawScope.Witness} (a guard's {@code o.attr == K} on a bound
 * object) are grouped by the attribute they read: one pass over the objects of a type marks which
 * witnessed values the frame holds ({@link #witnessed}), and a law whose value nobody holds is
 * skipped ({@link #held}) instead of testing its guard on every object. The laws skipped would have
 * emitted nothing, so the opinions collected are the same as running every law. Immutable and shared
 * by every thread of a model.
 */
public final class LawIndex {
  private final int declaredActions;
  /** Laws by action: [0] for no action, [a + 1] for declared action a, the last for undeclared actions. */
  private final int[][] byAction;
  /** Per law, the entity types the frame must hold (usually none or one or two). */
  private final int[][] types;
  private final int typeCount;
  /** Per distinct (type, read) of the laws' witnesses: the type, the read and the sorted values laws ask for. */
  private final int[] keyType;
  private final int[] keyRead;
  private final int[][] keyValues;
  /** Per key, the position of a value among {@link #keyValues}. */
  private final ValueSlots[] keySlots;
  /** Where key k's values start among all witnessed values (the positions {@link #witnessed} marks). */
  private final int[] keyBase;
  /** Per law, the position of its witness's value, or -1 for a law without a witness. */
  private final int[] lawValue;
  private final int values;
  /**
   * Per law, its fusion group ({@link FusibleLaw}s of one class with equal binder constants, at
   * least two of them), or -1 for a law that runs alone.
   */
  private final int[] fusionGroup;

  private LawIndex(int declaredActions, int[][] byAction, int[][] types, int typeCount, LawScope[] scopes,
      int[] fusionGroup) {
    this.fusionGroup = fusionGroup;
    this.declaredActions = declaredActions;
    this.byAction = byAction;
    this.types = types;
    this.typeCount = typeCount;
    Map<List<Integer>, TreeSet<Integer>> keys = new LinkedHashMap<>();
    for (LawScope scope : scopes) {
      LawScope.Witness w = scope.witness();
      if (w != null && w.type() < typeCount) {
        keys.computeIfAbsent(List.of(w.type(), w.read()), k -> new TreeSet<>()).add(w.value());
      }
    }
    int k = 0;
    int base = 0;
    keyType = new int[keys.size()];
    keyRead = new int[keys.size()];
    keyValues = new int[keys.size()][];
    keyBase = new int[keys.size()];
    keySlots = new ValueSlots[keys.size()];
    Map<List<Integer>, Integer> keyOf = new HashMap<>();
    for (var e : keys.entrySet()) {
      keyType[k] = e.getKey().get(0);
      keyRead[k] = e.getKey().get(1);
      keyValues[k] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      keySlots[k] = new ValueSlots(keyValues[k]);
      keyBase[k] = base;
      base += keyValues[k].length;
      keyOf.put(e.getKey(), k++);
    }
    values = base;
    lawValue = new int[scopes.length];
    for (int i = 0; i < scopes.length; i++) {
      LawScope.Witness w = scopes[i].witness();
      Integer key = w == null ? null : keyOf.get(List.of(w.type(), w.read()));
      lawValue[i] = key == null ? -1 : keyBase[key] + Arrays.binarySearch(keyValues[key], w.value());
    }
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
      byAction[bucket] = Arrays.copyOf(members, count);
    }
    return new LawIndex(declaredActions, byAction, types, typeCount, scopes, fusionGroups(laws));
  }

  /** Per law, its fusion group, or -1: groups of two or more {@link FusibleLaw}s of one class and binder constants. */
  private static int[] fusionGroups(List<Law> laws) {
    Map<List<Object>, List<Integer>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < laws.size(); i++) {
      if (laws.get(i) instanceof FusibleLaw f) {
        List<Object> key = List.of(f.getClass(),
            Arrays.stream(f.binderConstants()).boxed().toList());
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    int[] group = new int[laws.size()];
    Arrays.fill(group, -1);
    int next = 0;
    for (List<Integer> members : byKey.values()) {
      if (members.size() > 1) {
        for (int i : members) {
          group[i] = next;
        }
        next++;
      }
    }
    return group;
  }

  /**
   * The steps that run {@code admitted} (laws in model order): each step one law, or the laws of one
   * fusion group among them, placed where its first one stands (a step of several runs through
   * {@link FusibleLaw#applyAll}). Every admitted law is in exactly one step.
   */
  public int[][] schedule(int[] admitted) {
    List<int[]> steps = new ArrayList<>();
    Map<Integer, Integer> stepOfGroup = new HashMap<>();
    List<List<Integer>> members = new ArrayList<>();
    for (int i : admitted) {
      int g = fusionGroup[i];
      Integer at = g < 0 ? null : stepOfGroup.get(g);
      if (at == null) {
        if (g >= 0) {
          stepOfGroup.put(g, members.size());
        }
        members.add(new ArrayList<>(List.of(i)));
      } else {
        members.get(at).add(i);
      }
    }
    for (List<Integer> step : members) {
      steps.add(step.stream().mapToInt(Integer::intValue).toArray());
    }
    return steps.toArray(int[][]::new);
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
    return Arrays.copyOf(out, count);
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

  /** Whether some law has a witness: then a step calls {@link #witnessed} and {@link #held}. */
  public boolean hasWitnesses() {
    return values > 0;
  }

  /** The size of the array {@link #witnessed} fills. */
  public int witnessedValues() {
    return values;
  }

  /**
   * Fills {@code held} ({@link #witnessedValues} long) with which of the values the laws' witnesses
   * ask for some object of {@code frame} shows: one pass over the objects of each witnessed type and
   * attribute.
   */
  public void witnessed(Frame frame, boolean[] held) {
    Arrays.fill(held, 0, values, false);
    for (int k = 0; k < keyType.length; k++) {
      ValueSlots asked = keySlots[k];
      int read = keyRead[k];
      for (int object : frame.ofType(keyType[k])) {
        int v = read == LawScope.Witness.VX ? frame.vx(object)
            : read == LawScope.Witness.VY ? frame.vy(object) : frame.get(object, read);
        int at = asked.positionOf(v);
        if (at >= 0) {
          held[keyBase[k] + at] = true;
        }
      }
    }
  }

  /** Whether law {@code law} has no witness or its witness is among {@code held} (from {@link #witnessed}). */
  public boolean held(int law, boolean[] held) {
    int at = lawValue[law];
    return at < 0 || held[at];
  }
}
