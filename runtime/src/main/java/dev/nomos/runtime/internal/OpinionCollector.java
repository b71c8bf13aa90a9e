package dev.nomos.runtime.internal;

import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.FusibleLaw;
import dev.nomos.runtime.GroupSink;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OneLoopLaw;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.LawException;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the opinions of every law on one frame into flat, reused arrays: no allocation per
 * opinion, since this is the hot path of inference and of fitting.
 *
 * <p>Targets are numbered densely: the world's reward ({@link #REWARD_TARGET}) and end
 * ({@link #END_TARGET}) come first, then object {@code o} owns {@code targetsOf(o)} consecutive
 * targets starting at {@code objectBase(o)} (ALIVE, X, Y, then its extras); creation targets (one per
 * distinct (type, x, y) some law may create an object at) are kept apart in {@link #creations()},
 * since they combine as independent causes rather than as a product of experts. Each opinion stores its target,
 * its law, the allowed interval and its feature value {@code f = nu + w}, where {@code w <= 0} is
 * the log weight relative to the choice's most likely value (0 for {@code exact}, {@code range},
 * {@code one_of}), floored at {@code -nu} so that a value a law allows never scores below one it
 * excludes.
 */
public final class OpinionCollector implements GroupSink {
  /** Values are clipped to this magnitude so that interval ends never overflow. */
  public static final int VALUE_LIMIT = 1 << 29;
  /** The target of the world's reward for the step. */
  public static final int REWARD_TARGET = 0;
  /** The target of the episode's end at t+1. */
  public static final int END_TARGET = 1;
  /** How many world-level targets precede the objects' targets. */
  public static final int WORLD_TARGETS = 2;

  private final WorldSchema schema;
  private final String[] lawNames;
  private final double nu;
  private final long[] firings;

  private Frame frame;
  /** The number of objects of {@link #frame}. */
  private int objects;
  /** Per entity type of {@link #targetsSchema}, the targets of one of its objects ({@link #targetsOf}). */
  private int[] targetsByType = new int[0];
  private WorldSchema targetsSchema;
  private int[] objectBase = new int[64];
  private int objectTargets;
  private int currentLaw;

  int count;
  int[] target = new int[256];
  int[] law = new int[256];
  int[] lo = new int[256];
  int[] hi = new int[256];
  double[] f = new double[256];

  private boolean choiceOpen;
  private int choiceTarget;
  private int choiceStart;

  /** Joint choices: each a law, an object, its targets and its alternatives (see {@link JointBlocks}). */
  int joints;
  int[] jointLaw = new int[16];
  int[] jointObject = new int[16];
  int[] jointTargetStart = new int[17];
  int[] jointAltStart = new int[17];
  int jointTargetCount;
  int[] jointTarget = new int[32];
  int alts;
  double[] altF = new double[64];
  int[] altValueStart = new int[65];
  int altValueCount;
  int[] altValue = new int[128];
  private boolean jointOpen;
  private boolean altOpen;
  private boolean jointTargetsFixed;
  private int altSlots;

  private final Creations creations;
  private List<Law> indexedLaws;
  private LawIndex index;
  private boolean[] present = new boolean[0];
  /** The index the admitted lists below are for, and the law list (as an array) it indexes. */
  private LawIndex admittedIndex;
  private List<Law> lawArrayOf;
  private Law[] lawArray;
  /** How many combinations of types present each action group remembers its admitted laws for. */
  private static final int REMEMBERED_PRESENCES = 8;
  /** The types the current frame holds, one bit per type. */
  private long[] presenceKey;
  /**
   * Per action group: the presence keys its remembered admitted laws were made for, and those laws as
   * the steps that run them ({@link LawIndex#schedule}).
   */
  private long[][][] admittedFor;
  private int[][][][] admittedLaws;
  /** Per remembered entry, per step: its members by witnessed value, or null ({@link WitnessedMembers}). */
  private WitnessedMembers[][][] admittedByValue;
  /** The steps {@link #admitted} returned last, by witnessed value. */
  private WitnessedMembers[] byValue;
  /** Per action group: which remembered entry the next new combination replaces. */
  private int[] admittedNext;
  /** Which witnessed values the current frame holds ({@link LawIndex#witnessed}). */
  private boolean[] witnessed;
  /** The laws of a fusion group that run on the current frame. */
  private int[] members = new int[16];
  /** Whether laws ran together on the current frame ({@link #lawsInterleaved}). */
  private boolean interleaved;

  public OpinionCollector(WorldSchema schema, String[] lawNames, double nu) {
    this(schema, lawNames, nu, null);
  }

  /** @param chances per law, its fitted creation probabilities by ordinal (null: as the laws state them) */
  public OpinionCollector(WorldSchema schema, String[] lawNames, double nu, double[][] chances) {
    this.schema = schema;
    this.lawNames = lawNames;
    this.nu = nu;
    this.firings = new long[lawNames.length];
    this.creations = new Creations(schema, lawNames.length, nu, chances);
  }

  /** Starts collecting for frame t. */
  public void begin(Frame t) {
    frame = t;
    int n = t.size();
    objects = n;
    if (objectBase.length < n + 1) {
      objectBase = new int[Math.max(n + 1, objectBase.length * 2)];
    }
    if (t.schema() != targetsSchema) {
      targetsSchema = t.schema();
      targetsByType = new int[targetsSchema.types().size()];
      for (int type = 0; type < targetsByType.length; type++) {
        targetsByType[type] = 3 + targetsSchema.type(type).extras().size();
      }
    }
    int next = WORLD_TARGETS;
    for (int o = 0; o < n; o++) {
      objectBase[o] = next;
      next += targetsByType[t.type(o)];
    }
    objectBase[n] = next;
    objectTargets = next;
    count = 0;
    interleaved = false;
    creations.clear();
    choiceOpen = false;
    joints = 0;
    jointTargetCount = 0;
    alts = 0;
    altValueCount = 0;
    jointOpen = false;
  }

  /** Subsequent opinions belong to law {@code index}. */
  @Override
  public void law(int index) {
    if (choiceOpen || jointOpen || creations.open()) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' left a "
          + (creations.open() ? "creation" : "choice") + " open");
    }
    currentLaw = index;
  }

  /** Ends the frame; checks that the last law closed its choice. */
  public void end() {
    law(currentLaw);
  }

  /**
   * Collects the opinions of every law on frame t; a failing law is reported by name. Laws whose
   * {@link dev.nomos.runtime.LawScope} excludes the frame are skipped (they would emit nothing); the
   * index of {@code laws} is built on the first call and kept while the same list is passed.
   */
  public void run(Frame t, List<Law> laws) {
    if (laws != indexedLaws) {
      index = LawIndex.of(laws, t.schema().actions().size(), t.schema().types().size());
      indexedLaws = laws;
    }
    run(t, laws, index);
  }

  /** As {@link #run(Frame, List)}, with the index of {@code laws} given (built once per model). */
  public void run(Frame t, List<Law> laws, LawIndex index) {
    begin(t);
    int[][] schedule = admitted(t, laws, index);
    Law[] all = lawArray;
    boolean witnesses = index.hasWitnesses();
    if (witnesses) {
      if (witnessed == null || witnessed.length < index.witnessedValues()) {
        witnessed = new boolean[index.witnessedValues()];
      }
      index.witnessed(t, witnessed);
    }
    for (int s = 0; s < schedule.length; s++) {
      int[] step = schedule[s];
      WitnessedMembers byWitness = byValue[s];
      if (byWitness != null
          && ((OneLoopLaw) all[step[0]]).bindingBudget() >= t.ofType(byWitness.type()).length) {
        applyByValue(t, all, step[0], byWitness);
        continue;
      }
      if (step.length == 1) {
        int i = step[0];
        if (!witnesses || index.held(i, witnessed)) {
          apply(t, all[i], i);
        }
        continue;
      }
      if (members.length < step.length) {
        members = new int[step.length];
      }
      int n = 0;
      for (int i : step) {
        if (!witnesses || index.held(i, witnessed)) {
          members[n++] = i;
        }
      }
      if (n == 1) {
        apply(t, all[members[0]], members[0]);
      } else if (n > 1) {
        applyAll(t, all, n);
      }
    }
    end();
  }

  /**
   * Runs the first {@code n} of {@link #members}, laws of one fusion group, in one pass over their
   * bindings. Their opinions interleave binding by binding, so the frame's opinions are no longer in
   * law order ({@link #lawsInterleaved}).
   */
  private void applyAll(Frame t, Law[] all, int n) {
    interleave();
    law(members[0]);
    try {
      ((FusibleLaw) all[members[0]]).applyAll(t, this, all, members, n);
    } catch (LawException e) {
      throw e;
    } catch (BindingBudgetExceededException e) {
      // The members count the same bindings: the first runs out first, as it would alone.
      throw new LawException(e.lawName(), e);
    } catch (RuntimeException e) {
      throw new LawException(lawNames[currentLaw], e);
    }
  }

  /**
   * Runs a fused step of one-loop laws object by object, each object with only the members whose
   * witnessed value it shows: what {@link #applyAll} of every member emits, in the same order (the
   * others' guards fail on it), with the loop's bindings all within the budget.
   */
  private void applyByValue(Frame t, Law[] all, int first, WitnessedMembers index) {
    interleave();
    law(first);
    OneLoopLaw runner = (OneLoopLaw) all[first];
    try {
      for (int object : t.ofType(index.type())) {
        int[] asking = index.membersFor(t, object);
        if (asking != null) {
          runner.applyAllTo(t, this, all, asking, asking.length, object);
        }
      }
    } catch (LawException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LawException(lawNames[currentLaw], e);
    }
  }

  /**
   * Whether some laws of the frame ran together ({@link FusibleLaw#applyAll}), so that opinions of
   * different laws may interleave: each law's own opinions are in the order it emitted them, and
   * {@link Partitions} puts each target's opinions back in law order.
   */
  public boolean lawsInterleaved() {
    return interleaved;
  }

  /** From here on in this frame, opinions of different laws may interleave ({@link #lawsInterleaved}). */
  void interleave() {
    interleaved = true;
  }

  /**
   * The laws frame t runs, those of its action's group whose types it holds, as the steps that run
   * them ({@link LawIndex#schedule}). A recording shows few combinations of types present (a ball
   * that comes and goes, a key picked up), so each action group remembers its answers for the last
   * {@link #REMEMBERED_PRESENCES} combinations it met and a frame showing one of them reuses its answer.
   */
  private int[][] admitted(Frame t, List<Law> laws, LawIndex index) {
    if (index != admittedIndex || laws != lawArrayOf) {
      admittedIndex = index;
      lawArrayOf = laws;
      lawArray = laws.toArray(Law[]::new);
      present = new boolean[index.typeCount()];
      presenceKey = new long[(index.typeCount() + 63) / 64];
      admittedFor = new long[index.groups()][REMEMBERED_PRESENCES][];
      admittedLaws = new int[index.groups()][REMEMBERED_PRESENCES][][];
      admittedByValue = new WitnessedMembers[index.groups()][REMEMBERED_PRESENCES][];
      admittedNext = new int[index.groups()];
    }
    Arrays.fill(presenceKey, 0);
    for (int type = 0; type < present.length; type++) {
      if (t.ofType(type).length > 0) {
        presenceKey[type >>> 6] |= 1L << type;
      }
    }
    int group = index.group(t.action());
    long[][] known = admittedFor[group];
    for (int k = 0; k < REMEMBERED_PRESENCES; k++) {
      if (known[k] != null && Arrays.equals(known[k], presenceKey)) {
        byValue = admittedByValue[group][k];
        return admittedLaws[group][k];
      }
    }
    LawIndex.presence(t, present);
    int k = admittedNext[group];
    admittedNext[group] = (k + 1) % REMEMBERED_PRESENCES;
    known[k] = presenceKey.clone();
    int[][] steps = index.schedule(index.admitted(t.action(), present));
    WitnessedMembers[] indexed = new WitnessedMembers[steps.length];
    for (int s = 0; s < steps.length; s++) {
      indexed[s] = WitnessedMembers.of(steps[s], lawArray);
    }
    byValue = admittedByValue[group][k] = indexed;
    return admittedLaws[group][k] = steps;
  }

  /** Runs every law on frame t, none skipped: the engine as it was before {@link LawIndex}, kept as the benchmarks' reference. */
  public void runEvery(Frame t, List<Law> laws) {
    begin(t);
    for (int i = 0; i < laws.size(); i++) {
      apply(t, laws.get(i), i);
    }
    end();
  }

  private void apply(Frame t, Law l, int i) {
    law(i);
    try {
      l.apply(t, this);
    } catch (LawException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LawException(l.name(), e);
    }
  }

  public Frame frame() { return frame; }

  /** The score of a value a law excludes is {@code -nu}; features are {@code nu + w}. */
  public double nu() { return nu; }

  /** The name of law {@code index}, for messages. */
  public String lawName(int index) { return lawNames[index]; }

  public int objectTargets() { return objectTargets; }

  public int totalTargets() { return objectTargets; }

  /** The creation targets of the frame and the laws' opinions on them. */
  public Creations creations() { return creations; }

  public int objectBase(int object) { return objectBase[object]; }

  /** Cumulative number of opinions each law has emitted. */
  public long[] firings() { return firings; }

  /** Number of targets of an object: ALIVE, X, Y and one per extra attribute. */
  public static int targetsOf(Frame t, int object) {
    return 3 + t.schema().type(t.type(object)).extras().size();
  }

  /** Whether {@code target} is one of the world's (reward or end) rather than an object's or a spawn's. */
  public static boolean isWorldTarget(int target) {
    return target < WORLD_TARGETS;
  }

  /** The slot a target offset within its object stands for (inverse of {@link #offsetOf}). */
  public static int slotOfOffset(int offset) {
    return offset == 0 ? Slots.ALIVE : offset <= 2 ? offset - 1 : offset + 1;
  }

  /**
   * {@link #targetOf(int, int, String, String)} for the current law. The usual case, x or y of an
   * object of this frame, is decided first in a few instructions, so that this stays small enough for
   * the JIT to inline into every law's code.
   */
  private int targetOf(int object, int slot) {
    if ((slot == Slots.X || slot == Slots.Y) && object >= 0 && object < objects) {
      return objectBase[object] + slot + 1;
    }
    return targetOf(object, slot, "law", lawNames[currentLaw]);
  }

  /** The target of {@code slot} of {@code object} in the current frame; errors name the {@code kind} and {@code name} asking. */
  public int targetOf(int object, int slot, String kind, String name) {
    if (object == WORLD) {
      if (slot == Slots.REWARD) {
        return REWARD_TARGET;
      }
      if (slot == Slots.END) {
        return END_TARGET;
      }
      throw new IllegalStateException(kind + " '" + name + "' gave an opinion on slot " + slot
          + " of the world, which has only reward and end");
    }
    if (object < 0 || object >= objects) {
      throw new IllegalStateException(kind + " '" + name + "' addressed object index " + object
          + " in a frame of " + frame.size() + " objects");
    }
    // The object's targets are ALIVE, X, Y and its extras: an offset past them names a slot it does not have.
    int offset = offsetOf(slot);
    if (offset < 0 || offset >= objectBase[object + 1] - objectBase[object]) {
      throw new IllegalStateException(kind + " '" + name + "' gave an opinion on slot " + slot
          + " of object " + frame.id(object) + " (" + schema.type(frame.type(object)).name()
          + "), which the model does not predict (only alive, x, y and declared attributes are)");
    }
    return objectBase[object] + offset;
  }

  /** The target offset of {@code slot} within an object having it, or -1 for a slot no object's target is (w, h). */
  private static int offsetOf(int slot) {
    if (slot == Slots.ALIVE) {
      return 0;
    }
    if (slot == Slots.X || slot == Slots.Y) {
      return slot + 1;
    }
    if (slot >= Slots.FIRST_EXTRA) {
      return slot - 1;
    }
    return -1;
  }

  @Override
  public void exact(int object, int slot, int value) {
    noChoiceOpen("exact");
    firings[currentLaw]++;
    add(targetOf(object, slot), value, value, nu);
  }

  @Override
  public void range(int object, int slot, int from, int to) {
    noChoiceOpen("range");
    firings[currentLaw]++;
    int t = targetOf(object, slot);
    if (from <= to) {
      add(t, from, to, nu);
    }
  }

  @Override
  public void beginChoice(int object, int slot) {
    noChoiceOpen("beginChoice");
    firings[currentLaw]++;
    choiceTarget = targetOf(object, slot);
    choiceStart = count;
    choiceOpen = true;
  }

  @Override
  public void choice(int value, double weight) {
    if (!choiceOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called choice outside beginChoice/endChoice");
    }
    if (weight > 0 && !Double.isInfinite(weight)) {
      add(choiceTarget, value, value, Math.log(weight));
    }
  }

  @Override
  public void endChoice() {
    if (!choiceOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called endChoice without beginChoice");
    }
    choiceOpen = false;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = choiceStart; k < count; k++) {
      max = Math.max(max, f[k]);
    }
    for (int k = choiceStart; k < count; k++) {
      f[k] = nu + Math.max(f[k] - max, -nu);
    }
  }

  @Override
  public void beginJoint(int object) {
    noChoiceOpen("beginJoint");
    if (object < 0 || object >= frame.size()) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' addressed object index " + object
          + " in a frame of " + frame.size() + " objects");
    }
    firings[currentLaw]++;
    if (joints + 1 == jointLaw.length) {
      int n = jointLaw.length * 2;
      jointLaw = Arrays.copyOf(jointLaw, n);
      jointObject = Arrays.copyOf(jointObject, n);
      jointTargetStart = Arrays.copyOf(jointTargetStart, n + 1);
      jointAltStart = Arrays.copyOf(jointAltStart, n + 1);
    }
    jointLaw[joints] = currentLaw;
    jointObject[joints] = object;
    jointTargetStart[joints] = jointTargetCount;
    jointAltStart[joints] = alts;
    altValueStart[alts] = altValueCount;
    jointOpen = true;
    altOpen = false;
    jointTargetsFixed = false;
  }

  @Override
  public void jointAlternative(double weight) {
    if (!jointOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called jointAlternative outside beginJoint/endJoint");
    }
    closeAlternative();
    if (alts + 1 == altF.length) {
      altF = Arrays.copyOf(altF, altF.length * 2);
      altValueStart = Arrays.copyOf(altValueStart, altF.length + 1);
    }
    // A non-positive weight disallows the alternative: NaN marks it for removal when it closes.
    altF[alts] = weight > 0 && !Double.isInfinite(weight) ? weight : Double.NaN;
    altValueStart[alts] = altValueCount;
    altSlots = 0;
    altOpen = true;
  }

  @Override
  public void jointValue(int slot, int value) {
    if (!altOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called jointValue outside an alternative");
    }
    int target = targetOf(jointObject[joints], slot);
    if (slot == Slots.ALIVE) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' put presence into a joint choice");
    }
    int start = jointTargetStart[joints];
    if (!jointTargetsFixed) {
      for (int k = start; k < jointTargetCount; k++) {
        if (jointTarget[k] == target) {
          throw new IllegalStateException("law '" + lawNames[currentLaw] + "' named slot " + slot + " twice in one alternative");
        }
      }
      if (jointTargetCount == jointTarget.length) {
        jointTarget = Arrays.copyOf(jointTarget, jointTargetCount * 2);
      }
      jointTarget[jointTargetCount++] = target;
    } else if (start + altSlots >= jointTargetCount || jointTarget[start + altSlots] != target) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' gave alternatives of a joint choice different slots");
    }
    if (altValueCount == altValue.length) {
      altValue = Arrays.copyOf(altValue, altValueCount * 2);
    }
    altValue[altValueCount++] = Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, value));
    altSlots++;
  }

  private void closeAlternative() {
    if (!altOpen) {
      return;
    }
    if (altSlots != jointTargetCount - jointTargetStart[joints]) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' gave alternatives of a joint choice different slots");
    }
    altOpen = false;
    jointTargetsFixed = true;
    if (Double.isNaN(altF[alts])) {
      altValueCount = altValueStart[alts];
    } else {
      alts++;
    }
  }

  @Override
  public void endJoint() {
    if (!jointOpen) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called endJoint without beginJoint");
    }
    closeAlternative();
    jointOpen = false;
    int first = jointAltStart[joints];
    if (alts == first || jointTargetCount == jointTargetStart[joints]) {
      // Nothing allowed, or no target: the law abstains, as a choice without alternatives does.
      alts = first;
      altValueCount = altValueStart[first];
      jointTargetCount = jointTargetStart[joints];
      return;
    }
    mergeEqualAlternatives(first);
    double max = Double.NEGATIVE_INFINITY;
    for (int a = first; a < alts; a++) {
      max = Math.max(max, altF[a]);
    }
    for (int a = first; a < alts; a++) {
      altF[a] = nu + Math.max(Math.log(altF[a] / max), -nu);
    }
    joints++;
    jointTargetStart[joints] = jointTargetCount;
    jointAltStart[joints] = alts;
    altValueStart[alts] = altValueCount;
  }

  /**
   * A joint choice is one distribution over its alternatives: alternatives that give every target
   * the same value (a step into a wall that keeps the object in place, say) add their weights.
   */
  private void mergeEqualAlternatives(int first) {
    int k = jointTargetCount - jointTargetStart[joints];
    int kept = first;
    for (int a = first; a < alts; a++) {
      int same = -1;
      for (int b = first; b < kept && same < 0; b++) {
        if (Arrays.equals(altValue, altValueStart[a], altValueStart[a] + k, altValue, altValueStart[b], altValueStart[b] + k)) {
          same = b;
        }
      }
      if (same >= 0) {
        altF[same] += altF[a];
        continue;
      }
      if (kept != a) {
        altF[kept] = altF[a];
        System.arraycopy(altValue, altValueStart[a], altValue, altValueStart[kept], k);
      }
      kept++;
    }
    alts = kept;
    altValueCount = altValueStart[first] + (kept - first) * k;
    for (int a = first; a <= kept; a++) {
      altValueStart[a] = altValueStart[first] + (a - first) * k;
    }
  }

  @Override
  public void spawn(int type, int x, int y) {
    beginSpawn(type, 1, -1);
    place(x, y, 1);
    endSpawn();
  }

  @Override
  public void beginSpawn(int type, double probability, int chance) {
    noChoiceOpen("beginSpawn");
    if (type < 0 || type >= schema.types().size()) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' spawned unknown type index " + type);
    }
    firings[currentLaw]++;
    creations.begin(currentLaw, type, probability, chance);
  }

  @Override
  public void place(int x, int y, double weight) {
    creationOpen("place");
    creations.place(x, y, weight);
  }

  @Override
  public void placeRange(int x0, int y0, int x1, int y1) {
    creationOpen("placeRange");
    creations.placeRange(x0, y0, x1, y1);
  }

  @Override
  public void endSpawn() {
    creationOpen("endSpawn");
    creations.end();
  }

  private void creationOpen(String call) {
    if (!creations.open()) {
      throw new IllegalStateException("law '" + lawNames[currentLaw] + "' called " + call + " outside beginSpawn/endSpawn");
    }
  }

  private void noChoiceOpen(String call) {
    if (choiceOpen || jointOpen || creations.open()) {
      throw callInsideOpen(call);
    }
  }

  private IllegalStateException callInsideOpen(String call) {
    return new IllegalStateException("law '" + lawNames[currentLaw] + "' called " + call + " inside an open "
        + (creations.open() ? "creation" : "choice"));
  }

  private void add(int t, int from, int to, double value) {
    if (count == target.length) {
      int n = count * 2;
      target = Arrays.copyOf(target, n);
      law = Arrays.copyOf(law, n);
      lo = Arrays.copyOf(lo, n);
      hi = Arrays.copyOf(hi, n);
      f = Arrays.copyOf(f, n);
    }
    target[count] = t;
    law[count] = currentLaw;
    lo[count] = Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, from));
    hi[count] = Math.max(-VALUE_LIMIT, Math.min(VALUE_LIMIT, to));
    f[count] = value;
    count++;
  }
}
