package dev.nomos.learn.internal;

import dev.nomos.learn.ActionDependence;
import dev.nomos.learn.ActionDirections;
import dev.nomos.learn.Heading;
import dev.nomos.learn.Timing;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Mines candidate laws from transitions with templates that are generic over the world schema.
 * For every object of frame t and each of its targets (vx, vy, each extra, presence) it lists the
 * contexts that hold (the action; each contact with its side; a contact of the contacted object;
 * touching nothing; the previous step's velocity) and the value expressions that match what was
 * observed at t+1 (kept, negated, a constant, a step added, the contacted object's velocity, an
 * absolute position). Each (context, value) pair is a law body; it is counted where it is right,
 * and its context is counted where it holds, so every candidate carries a support and a precision
 * over the transitions it was mined from. New objects yield spawn laws relative to nearby objects,
 * and creations that follow their context only some of the time also yield creations with a fitted
 * probability.
 * Shapes of recorded games have their own helpers: weighted random steps ({@link ChoiceMiner}),
 * moves on a beat read from history ({@link MoveBeat}), transforms ({@link Transforms}) and jumps
 * onto another object's place ({@link Teleports}); ranges of the offset to a partner object have
 * theirs too ({@link RelationCandidates}).
 */
public final class Miner {

  private final WorldSchema schema;
  private final int maxContacts;
  /** What is kept from one mining to the next; one of its own unless {@link #remembering} gives one. */
  private MiningMemory memory = new MiningMemory();

  // What a mining adds up: the candidates, counts and observations of the transitions mined.

  /** The candidates the templates found ({@link #add}), in the order first found. */
  private final List<Candidate> sighted = new ArrayList<>();
  /**
   * The candidates found otherwise (relations, choices, random creations), by body. None of them
   * says what a candidate of {@link #sighted} says: their guards or effects take forms the
   * templates of {@link #add} never write (a range of offsets, a weighted choice, a fitted chance).
   */
  private final Map<String, Candidate> others = new TreeMap<>();
  /** Per context number ({@link MiningMemory#contexts}), how often it held for each target number (null until counted). */
  private int[][] counts = new int[0][];
  /**
   * While adding up, per candidate number ({@link Sighting#candidate}): its first sighting (null
   * until seen), how often it was right, and how often where the model is wrong; and the numbers in
   * the order first seen. Counted in arrays, the candidates written once all are added up: a round
   * adds up hundreds of thousands of sightings.
   */
  private Sighting[] firstSighting = new Sighting[0];
  private int[] rightCounts = new int[0];
  private int[] rightWhereWrongCounts = new int[0];
  private final IntColumn firstSeen = new IntColumn();
  private final RelationCandidates relations = new RelationCandidates();
  private final ChoiceMiner choices = new ChoiceMiner();
  private final JointSteps jointSteps = new JointSteps();
  /** The types of the objects new objects appeared near (candidate spawners). */
  private final Set<Integer> spawners = new HashSet<>();
  /** The types of the objects that appeared. */
  private final Set<Integer> created = new java.util.TreeSet<>();

  // What mining one transition keeps: numbers found before, and the transition being mined.

  /** The numbers of binders, conditions and shapes ({@link #shapeOf}), and per shape its context's number (-1 until known). */
  private final Map<DraftBinder, Integer> binderShapes = new HashMap<>();
  private final Map<Guard.Condition, Integer> conditionNumbers = new HashMap<>();
  private final LongTable<Integer> shapes = new LongTable<>();
  private int[] shapeContexts = newShapeContexts();

  private static int[] newShapeContexts() {
    int[] out = new int[256];
    java.util.Arrays.fill(out, -1);
    return out;
  }

  /** Per type name and target, {@link #group}. */
  private final Map<String, Map<String, String>> groups = new HashMap<>();
  /** What the transition being mined shows, as the templates find it. */
  private MinedTransition.Builder out;
  /**
   * The target being mined (its number in {@link #out}): a candidate right about it counts as
   * right where the model is wrong when the model's prediction of it is wrong.
   */
  private int wrong;
  /** Which types block which movers' steps, read off the mined transitions. */
  private Blocking blocking;
  /**
   * Per type, "a blocker stands where it faces" and "... where the action points" (null without
   * blockers, heading or action directions): written once per mining.
   */
  private final String[] blockedAhead;
  private final String[] blockedInAction;
  /** The clocks that time the types' moves, creations and lifetimes; null until read off the mined transitions. */
  private Timing timing;
  /** Which types' changes may be conditioned on the action. */
  private final ActionDependence actionDependence;
  /** Per type, the guards "on its beat" and "off it" by the clock its moves keep (null without one). */
  private final Atom[] onClock;
  private final Atom[] offClock;
  /** The distinct periods objects are created on, each with its guard (types sharing one share the guard). */
  private final Map<Timing.Phase, Atom> creationPeriods;

  public Miner(WorldSchema schema, int maxContacts) {
    this(schema, maxContacts, List.of());
  }

  /** @param headings heading attributes of the world (at most one per type), for "in front" contexts */
  public Miner(WorldSchema schema, int maxContacts, List<Heading> headings) {
    this(schema, maxContacts, headings, ActionDirections.NONE);
  }

  /** @param directions the actions' directions, for "ahead of" and "pushed from behind" contexts */
  public Miner(WorldSchema schema, int maxContacts, List<Heading> headings, ActionDirections directions) {
    this(schema, maxContacts, headings, directions, null);
  }

  /** @param timing the world's clocks read off the training data, or null to read them off the mined transitions */
  public Miner(WorldSchema schema, int maxContacts, List<Heading> headings, ActionDirections directions,
      Timing timing) {
    this(schema, maxContacts, headings, directions, timing, ActionDependence.UNKNOWN);
  }

  /**
   * @param actionDependence the types whose changes the training data shows independent of the
   *     action: their changes are not conditioned on it
   */
  public Miner(WorldSchema schema, int maxContacts, List<Heading> headings, ActionDirections directions,
      Timing timing, ActionDependence actionDependence) {
    this.schema = schema;
    this.actionDependence = actionDependence;
    this.timing = timing;
    this.directions = directions;
    this.maxContacts = maxContacts;
    this.headings = new Heading[schema.types().size()];
    this.headingSlots = new int[schema.types().size()];
    for (Heading h : headings) {
      EntityType type = schema.type(h.type());
      int extra = indexOfExtra(type, h.attribute());
      if (extra >= 0) {
        this.headings[type.index()] = h;
        this.headingSlots[type.index()] = Slots.FIRST_EXTRA + extra;
      }
    }
    int types = schema.types().size();
    this.actionAhead = new Atom[types];
    this.actionAcross = new Atom[types];
    this.edgeAhead = new Atom[types];
    this.blockedAhead = new String[types];
    this.blockedInAction = new String[types];
    this.onClock = new Atom[types];
    this.offClock = new Atom[types];
    this.creationPeriods = new java.util.LinkedHashMap<>();
    for (EntityType type : schema.types()) {
      writeHeadingGuards(type);
    }
    this.edgeInAction = directions.isEmpty() ? null : new Atom(edgeInActionText(), "edge_in_action");
  }

  /**
   * A miner of single transitions for the mining {@code prepared} does ({@link #record}): the
   * memory, the world, the clocks, the blockers and the guards written from them shared (read
   * only), with numbers found before of its own.
   */
  private Miner(Miner prepared) {
    this.schema = prepared.schema;
    this.memory = prepared.memory;
    this.actionDependence = prepared.actionDependence;
    this.maxContacts = prepared.maxContacts;
    this.timing = prepared.timing;
    this.blocking = prepared.blocking;
    this.directions = prepared.directions;
    this.headings = prepared.headings;
    this.headingSlots = prepared.headingSlots;
    this.actionAhead = prepared.actionAhead;
    this.actionAcross = prepared.actionAcross;
    this.edgeAhead = prepared.edgeAhead;
    this.edgeInAction = prepared.edgeInAction;
    this.blockedAhead = prepared.blockedAhead;
    this.blockedInAction = prepared.blockedInAction;
    this.onClock = prepared.onClock;
    this.offClock = prepared.offClock;
    this.creationPeriods = prepared.creationPeriods;
  }

  private final Heading[] headings;
  private final int[] headingSlots;
  private final ActionDirections directions;
  /**
   * Per type, the guards "the action points where it faces" and "... elsewhere" (null where the
   * type is not the steered one with a heading) and "a step toward where it faces leaves the
   * screen" (null without a heading): written once, read for every object of every transition.
   */
  private final Atom[] actionAhead;
  private final Atom[] actionAcross;
  private final Atom[] edgeAhead;
  /** "A step in the action's direction leaves the screen", for the steered type (null without one). */
  private final Atom edgeInAction;

  private static int indexOfExtra(EntityType type, String attribute) {
    for (int k = 0; k < type.extras().size(); k++) {
      if (type.extras().get(k).name().equals(attribute)) {
        return k;
      }
    }
    return -1;
  }

  /** The side object i of frame a faces, or NONE's ordinal when its type has no heading. */
  private int facingSide(Frame a, int i) {
    Heading h = headings[a.type(i)];
    return h == null ? Side.NONE.ordinal() : h.sideOf(a.get(i, headingSlots[a.type(i)]));
  }

  /**
   * @param predicted the current model's most likely frame t+1 for each transition, in the same
   *     order; empty when unknown (every target then counts as wrong)
   */
  public List<Candidate> mine(List<Transition> transitions, List<Frame> predicted) {
    return mine(transitions, predicted, () -> false);
  }

  /**
   * As {@link #mine(List, List)}, mining only the transitions before {@code stop} says so (asked
   * before each one): with the worst transitions first, a cut mines the most surprising ones.
   */
  public List<Candidate> mine(List<Transition> transitions, List<Frame> predicted, BooleanSupplier stop) {
    return mine(transitions, predicted, stop, null);
  }

  /**
   * Mines with {@code memory}: transitions it holds the observations of (from an earlier mining
   * with the same setup) are added up from there rather than mined again, and the ones mined are
   * kept in it. Returns this miner.
   */
  public Miner remembering(MiningMemory memory) {
    this.memory = java.util.Objects.requireNonNull(memory, "memory");
    return this;
  }

  /**
   * As {@link #mine(List, List, BooleanSupplier)}, on the threads of {@code workers} (null for the
   * caller's alone): the transitions not yet in the memory are mined at the same time, and then
   * every transition's observations are added up in the transitions' order, which gives what
   * mining them one by one gives. With a cut, the transitions added are the ones before the first
   * one the cut left unmined.
   */
  public List<Candidate> mine(List<Transition> transitions, List<Frame> predicted, BooleanSupplier stop,
      Parallelism workers) {
    if (timing == null) {
      timing = Clocks.infer(schema, transitions);
    }
    blocking = Blocking.infer(schema, transitions, directions);
    for (EntityType type : schema.types()) {
      List<String> blockers = blocking.blockers(type.index());
      Heading h = headings[type.index()];
      if (!blockers.isEmpty() && h != null) {
        blockedAhead[type.index()] = Blocking.blockedText(blockers, h::facing);
      }
      if (!blockers.isEmpty() && !directions.isEmpty()) {
        blockedInAction[type.index()] = Blocking.blockedText(blockers, directions::ahead);
      }
    }
    for (EntityType type : schema.types()) {
      Timing.Phase phase = timing.movePhase(type.index());
      if (phase != null) {
        onClock[type.index()] = new Atom(phase.on("o"), "on_" + phase.name());
        offClock[type.index()] = new Atom(phase.off("o"), "off_" + phase.name());
      }
      Timing.Phase period = timing.creationPhase(type.index());
      if (period != null) {
        creationPeriods.putIfAbsent(period, new Atom(period.on("o"), "on_" + period.name()));
      }
    }
    List<MinedTransition> mined = minedOrRemembered(transitions, stop, workers);
    int candidates = memory.candidates.size();
    firstSighting = new Sighting[candidates];
    rightCounts = new int[candidates];
    rightWhereWrongCounts = new int[candidates];
    for (int k = 0; k < mined.size(); k++) {
      add(mined.get(k), k < predicted.size() ? predicted.get(k) : null);
    }
    int[] order = firstSeen.toArray();
    for (int n : order) {
      Candidate c = new Candidate(firstSighting[n]);
      c.correct = rightCounts[n];
      c.correctWhereWrong = rightWhereWrongCounts[n];
      sighted.add(c);
    }
    randomCreations(transitions.subList(0, mined.size()));
    relations.write(schema, others);
    Map<String, List<String>> blockers = new HashMap<>();
    Set<String> onBeat = new HashSet<>();
    for (EntityType type : schema.types()) {
      blockers.put(type.name().toLowerCase(), blocking.blockers(type.index()));
      if (timing.beat(type.index()) > 0) {
        onBeat.add(type.name().toLowerCase());
      }
    }
    for (Candidate c : choices.candidates(onBeat)) {
      others.putIfAbsent(c.body(), c);
    }
    for (Candidate c : jointSteps.candidates(choices, blockers, onBeat)) {
      others.putIfAbsent(c.body(), c);
    }
    List<Candidate> out = new ArrayList<>(sighted.size() + others.size());
    out.addAll(sighted);
    out.addAll(others.values());
    Map<String, Integer> byKey = null;
    for (Candidate c : out) {
      if (c.applicable == 0) {
        if (c.countedContext >= 0) {
          int n = count(c.countedContext, c.countedTarget);
          c.applicable = n > 0 ? n : c.correct;
        } else {
          byKey = byKey != null ? byKey : contextCounts();
          c.applicable = byKey.getOrDefault(c.contextKey(), c.correct);
        }
      }
    }
    return out;
  }

  /**
   * What the templates find in each of {@code transitions}, from the memory or mined now (on
   * {@code workers}, each mined one kept in the memory), up to the first that {@code stop} left
   * unmined (asked before mining each). A transition another mining is mining at the time (another
   * run of model selection) is taken from it when it is done rather than mined twice.
   */
  private List<MinedTransition> minedOrRemembered(List<Transition> transitions, BooleanSupplier stop,
      Parallelism workers) {
    MiningMemory.Store store = memory.store(setup());
    MinedTransition[] found = new MinedTransition[transitions.size()];
    List<Integer> mine = new ArrayList<>();
    List<CompletableFuture<MinedTransition>> claims = new ArrayList<>();
    Map<Integer, CompletableFuture<MinedTransition>> elsewhere = new java.util.LinkedHashMap<>();
    for (int k = 0; k < found.length; k++) {
      CompletableFuture<MinedTransition> claim = new CompletableFuture<>();
      CompletableFuture<MinedTransition> known = store.claim(transitions.get(k), claim);
      if (known == null) {
        mine.add(k);
        claims.add(claim);
      } else {
        elsewhere.put(k, known);
      }
    }
    java.util.function.Function<Integer, MinedTransition> mineOne = m -> {
      Transition t = transitions.get(mine.get(m));
      MinedTransition result = null;
      try {
        result = stop.getAsBoolean() ? null : recorded(store, t);
        return result;
      } finally {
        store.done(t, claims.get(m), result);
      }
    };
    List<Integer> parts = new ArrayList<>();
    for (int m = 0; m < mine.size(); m++) {
      parts.add(m);
    }
    List<MinedTransition> mined = workers == null || parts.size() < 2 ? parts.stream().map(mineOne).toList()
        : workers.map(parts, mineOne::apply);
    for (int m = 0; m < mine.size(); m++) {
      found[mine.get(m)] = mined.get(m);
    }
    for (Map.Entry<Integer, CompletableFuture<MinedTransition>> e : elsewhere.entrySet()) {
      Transition t = transitions.get(e.getKey());
      MinedTransition m;
      try {
        m = e.getValue().join();
      } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
        m = null;
      }
      // Cut short there, or from other frames under the same index: mined here, if there is time.
      found[e.getKey()] = m != null && m.minedFrom(t) ? m : stop.getAsBoolean() ? null : recorded(store, t);
    }
    List<MinedTransition> out = new ArrayList<>();
    for (MinedTransition m : found) {
      if (m == null) {
        break;
      }
      out.add(m);
    }
    return out;
  }

  /** Mines {@code t} with a miner of {@code store} set up as this one is. */
  private MinedTransition recorded(MiningMemory.Store store, Transition t) {
    Miner recorder = store.idle.poll();
    if (recorder == null) {
      recorder = new Miner(this);
    }
    try {
      return recorder.record(t);
    } finally {
      store.idle.push(recorder);
    }
  }

  /**
   * What decides what the templates write besides the transition: the world, the headings,
   * directions, clocks and action dependence given, and which types block which (read off the
   * transitions mined). Equal for minings whose observations of a transition are the same.
   */
  private Object setup() {
    List<List<String>> blockers = new ArrayList<>();
    for (EntityType type : schema.types()) {
      blockers.add(blocking.blockers(type.index()));
    }
    return List.of(new Same(schema), maxContacts, java.util.Arrays.asList(headings), new Same(directions), new Same(timing),
        new Same(actionDependence), blockers);
  }

  /** A value equal only to itself: the parts of a setup that are the same object from round to round. */
  private record Same(Object value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.value == value;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(value);
    }
  }

  /** Mines one transition: what its templates find, as numbers of the memory. */
  private MinedTransition record(Transition t) {
    out = new MinedTransition.Builder(t);
    transitionsMined++;
    try {
      mine(t.before(), t.after());
      return out.build();
    } finally {
      out = null;
    }
  }

  /**
   * Adds up what was mined from one transition, {@code predicted} being the current model's most
   * likely frame t+1 for it (null when unknown).
   */
  private void add(MinedTransition m, Frame predicted) {
    boolean[] wrongAt = m.wrong(predicted);
    int[] counted = m.counted;
    for (int k = 0; k < counted.length; k += 2) {
      count(counted[k], counted[k + 1], 1);
    }
    int[] numbers = m.candidates;
    for (int k = 0; k < numbers.length; k++) {
      int n = numbers[k];
      if (n >= firstSighting.length) {
        // Numbered after this mining's transitions were (never for them; kept safe all the same).
        int size = Math.max(n + 1, 2 * firstSighting.length);
        firstSighting = java.util.Arrays.copyOf(firstSighting, size);
        rightCounts = java.util.Arrays.copyOf(rightCounts, size);
        rightWhereWrongCounts = java.util.Arrays.copyOf(rightWhereWrongCounts, size);
      }
      if (firstSighting[n] == null) {
        firstSighting[n] = m.sightings[k];
        firstSeen.add(n);
      }
      rightCounts[n] += m.rightFrom[k + 1] - m.rightFrom[k];
      int whereWrong = 0;
      for (int r = m.rightFrom[k]; r < m.rightFrom[k + 1]; r++) {
        if (wrongAt[m.rightAt[r]]) {
          whereWrong++;
        }
      }
      rightWhereWrongCounts[n] += whereWrong;
    }
    int[] evidence = m.evidence;
    for (int k = 0; k < evidence.length; k += 2) {
      choices.evidence(evidence[k], memory.evidence, memory.groups, evidence[k + 1]);
    }
    int[] observed = m.choices;
    for (int k = 0; k < observed.length; k += 3) {
      choices.observe(observed[k], memory.choiceKeys, observed[k + 1], wrongAt[observed[k + 2]]);
    }
    int[] steps = m.jointSteps;
    for (int k = 0; k < steps.length; k += 6) {
      jointSteps.observe(steps[k], memory.jointKeys, steps[k + 1], steps[k + 2], steps[k + 3],
          wrongAt[steps[k + 4]] || wrongAt[steps[k + 5]]);
    }
    relations.add(m.relations, m.relationOwners, wrongAt, memory.relationKeys);
    for (int type : m.spawners) {
      spawners.add(type);
    }
    for (int type : m.created) {
      created.add(type);
    }
  }

  private int count(int context, int target) {
    int[] row = context < counts.length ? counts[context] : null;
    return row == null || target >= row.length ? 0 : row[target];
  }

  /** The counts by {@code context|target} key, for candidates that name their context by key only. */
  private Map<String, Integer> contextCounts() {
    Map<String, Integer> out = new HashMap<>();
    for (int context = 0; context < counts.length; context++) {
      int[] row = counts[context];
      for (int target = 0; row != null && target < row.length; target++) {
        if (row[target] > 0) {
          out.put(memory.contexts.get(context) + "|" + memory.targets.get(target), row[target]);
        }
      }
    }
    return out;
  }

  /**
   * @param byAction whether it speaks of the action's direction ({@link ActionDirections}): a step
   *     in that direction is then offered as its value, whatever the object's type
   */
  private static final class Context {
    final DraftBinder binder;
    final Guard guard;
    final String name;
    final Facing facing;
    final boolean byAction;
    /** {@link #key()}, written once: a context is counted for every target of its object. */
    private String key;
    /** Its number among the mining's contexts ({@link Miner#idOf}), or -1 until asked. */
    private int id = -1;
    /** Its binder and conditions as one number ({@link Miner#shapeOf}), or -1 where not worked out. */
    private int shape = -1;

    Context(DraftBinder binder, Guard guard, String name, Facing facing, boolean byAction) {
      this.binder = binder;
      this.guard = guard;
      this.name = name;
      this.facing = facing;
      this.byAction = byAction;
    }

    Context(DraftBinder binder, Guard guard, String name) {
      this(binder, guard, name, Facing.NONE);
    }

    Context(DraftBinder binder, Guard guard, String name, Facing facing) {
      this(binder, guard, name, facing, false);
    }

    /** The context without the target: where evidence of one target under it is pooled. */
    String key() {
      if (key == null) {
        key = binder.text() + "|" + guard.text();
      }
      return key;
    }

    String key(String target) {
      return key() + "|" + target;
    }
  }

  /**
   * The number of {@code c}'s key among the contexts seen in this mining: contexts that read the
   * same are one context, counted by number rather than by their text.
   */
  private int idOf(Context c) {
    if (c.id < 0 && c.shape >= 0) {
      // Contexts of one shape read the same: the key is written once per shape, not per context.
      if (shapeContexts[c.shape] < 0) {
        shapeContexts[c.shape] = idOfKey(c.key());
      }
      c.id = shapeContexts[c.shape];
    } else if (c.id < 0) {
      c.id = idOfKey(c.key());
    }
    return c.id;
  }

  /**
   * The number of a context's shape: its binder, then its conditions one by one, each step a
   * number found by the one before and the condition's number. Equal shapes write the same key, so
   * a shape finds its context's number without writing the key again.
   */
  private int shapeOf(DraftBinder binder, Guard guard) {
    int binderNumber = binderShapes.computeIfAbsent(binder, b -> binderShapes.size());
    int s = shapeOfKey((long) binderNumber << 32 | 0xFFFFFFFFL);
    for (Guard.Condition c : guard.conditions()) {
      s = shape(s, conditionNumber(c));
    }
    return s;
  }

  /** The shape of a context of shape {@code shape} with condition number {@code condition} added. */
  private int shape(int shape, int condition) {
    return shapeOfKey((long) shape << 32 | condition);
  }

  private int shapeOfKey(long key) {
    Integer known = shapes.get(key);
    if (known != null) {
      return known;
    }
    int s = shapes.size();
    shapes.put(key, s);
    if (s == shapeContexts.length) {
      shapeContexts = java.util.Arrays.copyOf(shapeContexts, 2 * s);
      java.util.Arrays.fill(shapeContexts, s, 2 * s, -1);
    }
    return s;
  }

  private int conditionNumber(Guard.Condition c) {
    return conditionNumbers.computeIfAbsent(c, x -> conditionNumbers.size());
  }

  private int idOfKey(String key) {
    return memory.contexts.of(key);
  }

  /** The number of a target ({@code vx}, {@code alive}, an extra's name...) in {@link #counts}. */
  private int targetId(String target) {
    return targetNumbers.computeIfAbsent(target, memory.targets::of);
  }

  /** The numbers of targets and effects found before, by their texts: asked for every context mined. */
  private final Map<String, Integer> targetNumbers = new HashMap<>();
  private final Map<String, Integer> effectNumbers = new HashMap<>();

  /** The group of a context's targets: the type of o, lower-cased, and the target ({@code ball.vy}). */
  private String group(Context c, String target) {
    return group(c.binder.subject(), target);
  }

  /** The group of the targets of type {@code subject}: its name, lower-cased, and the target ({@code ball.vy}). */
  private String group(String subject, String target) {
    return groups.computeIfAbsent(subject, t -> new HashMap<>())
        .computeIfAbsent(target, x -> subject.toLowerCase() + "." + x);
  }

  /** Mines the transition from frame a to frame b into {@link #out}. */
  private void mine(Frame a, Frame b) {
    for (int i : a.all()) {
      EntityType type = schema.type(a.type(i));
      List<Context> contexts = contexts(a, i, type);
      int j = b.indexOfId(a.id(i));
      // presence
      wrong = out.target(a.id(i), MinedTransition.PRESENCE, j >= 0 ? 1 : 0);
      List<Transforms.Transform> becomes = j < 0 ? Transforms.of(schema, a, b, i) : List.of();
      for (Context c : presenceContexts(a, i, type, contexts)) {
        count(c, "alive");
        if (j < 0) {
          add(c, "alive", "destroy o", "destroyed");
          for (Transforms.Transform t : becomes) {
            add(c, "alive", t.effect(), null, "becomes_" + t.type().toLowerCase(), false, c);
          }
        } else if (!c.binder.contact() && c.guard.isEmpty()) {
          add(c, "alive", "o.alive := true", "persists");
        }
      }
      if (j < 0) {
        continue;
      }
      wrong = out.target(a.id(i), Slots.X, b.get(j, Slots.X));
      int blocked = blocking.blockedSides(a, i);
      mineVelocity(a, b, i, j, contexts, "vx", Slots.X, blocked);
      int wrongX = wrong;
      wrong = out.target(a.id(i), Slots.Y, b.get(j, Slots.Y));
      mineVelocity(a, b, i, j, contexts, "vy", Slots.Y, blocked);
      mineRelations(a, b, i, j, type, wrongX, wrong);
      mineJointStep(a, b, i, j, contexts, wrongX, wrong, blocked);
      for (int k = 0; k < type.extras().size(); k++) {
        wrong = out.target(a.id(i), Slots.FIRST_EXTRA + k, b.get(j, Slots.FIRST_EXTRA + k));
        mineExtra(a, b, i, j, contexts, type.extras().get(k), Slots.FIRST_EXTRA + k);
      }
    }
    for (int j : b.all()) {
      if (a.indexOfId(b.id(j)) < 0) {
        mineSpawn(a, b, j);
      }
    }
  }

  /**
   * The contexts for presence: the object's contexts and, for deaths on contact, each type it
   * touches whatever the side (the killer may come from any side), with and without the action.
   */
  private List<Context> presenceContexts(Frame a, int i, EntityType type, List<Context> contexts) {
    List<Context> out = new ArrayList<>(contexts);
    int lifetime = timing.lifetime(type.index());
    if (lifetime > 0 && a.age(i) >= lifetime) {
      // Objects that last a fixed number of steps (a sword drawn for six frames).
      out.add(new Context(DraftBinder.each(type.name()), Guard.of(Guard.Condition.of("age(o) >= " + lifetime)),
          "aged_" + lifetime));
    }
    for (Collisions.Collision c : Collisions.of(schema, a, i)) {
      out.add(new Context(DraftBinder.each(type.name()), Guard.of(Guard.Condition.of(c.condition())), c.name()));
    }
    for (ScreenExits.Exit e : ScreenExits.of(schema, a, i)) {
      out.add(new Context(DraftBinder.each(type.name()), Guard.of(Guard.Condition.of(e.condition())), e.name()));
    }
    String action = a.action() >= 0 ? schema.actions().get(a.action()) : null;
    Set<String> seen = new LinkedHashSet<>();
    for (int[] c : contacts(a, i)) {
      String u = schema.type(a.type(c[0])).name();
      if (seen.add(u)) {
        DraftBinder binder = DraftBinder.touching(type.name(), u, null);
        out.add(new Context(binder, Guard.NONE, "touching_" + u.toLowerCase()));
        if (action != null) {
          out.add(new Context(binder, Guard.of(actionAtom(action).condition()),
              "touching_" + u.toLowerCase() + "_on_" + action.toLowerCase()));
        }
      }
    }
    return out;
  }

  private static Atom actionAtom(String action) {
    return new Atom("action == " + action, "on_" + action.toLowerCase());
  }

  /**
   * Whether the action taken points where object i faces, for the type whose moves show the
   * actions' directions when it also has a heading: an avatar that turns toward a direction key
   * first and steps only when it already faces that way. Null where the action names no direction.
   */
  private Atom actionAlongHeading(Frame a, int i, EntityType type) {
    Atom along = actionAhead[type.index()];
    if (along == null || a.action() < 0 || directions.sideOf(a.action()) == Side.NONE.ordinal()) {
      return null;
    }
    Heading h = headings[type.index()];
    boolean facing = h.sideOf(a.get(i, headingSlots[type.index()])) == directions.sideOf(a.action());
    return facing ? along : actionAcross[type.index()];
  }

  /** Writes the heading guards of {@code type} ({@link #actionAhead}, {@link #actionAcross}, {@link #edgeAhead}). */
  private void writeHeadingGuards(EntityType type) {
    Heading h = headings[type.index()];
    if (h == null) {
      return;
    }
    List<String> ahead = new ArrayList<>();
    for (Map.Entry<Integer, Integer> value : h.sides().entrySet()) {
      String dir = "o." + h.attribute() + " == " + h.literals().get(value.getKey());
      ahead.add("(" + dir + " and " + offScreen(Side.values()[value.getValue()], "o", h.speed()) + ")");
    }
    edgeAhead[type.index()] = new Atom("(" + String.join(" or ", ahead) + ")", "edge_ahead");
    if (!type.name().equals(directions.type())) {
      return;
    }
    List<String> along = new ArrayList<>();
    List<String> across = new ArrayList<>();
    for (Map.Entry<Integer, Integer> action : directions.sides().entrySet()) {
      for (Map.Entry<Integer, Integer> value : h.sides().entrySet()) {
        if (value.getValue().equals(action.getValue())) {
          String act = "action == " + directions.literals().get(action.getKey());
          String dir = "o." + h.attribute();
          along.add("(" + act + " and " + dir + " == " + h.literals().get(value.getKey()) + ")");
          across.add("(" + act + " and " + dir + " != " + h.literals().get(value.getKey()) + ")");
        }
      }
    }
    if (!along.isEmpty()) {
      actionAhead[type.index()] = new Atom("(" + String.join(" or ", along) + ")", "action_ahead");
      actionAcross[type.index()] = new Atom("(" + String.join(" or ", across) + ")", "action_across");
    }
  }

  /**
   * That a step toward where object i faces would take it off the screen: marchers that turn at
   * the edge of the screen (no object stands there to touch). Null where it would not, for types
   * without a heading, or where i faces no side.
   */
  private Atom screenEdgeAhead(Frame a, int i, EntityType type) {
    Heading h = headings[type.index()];
    if (h == null || facingSide(a, i) == Side.NONE.ordinal()) {
      return null;
    }
    // Only the edge itself: "away from the edge" would hold nearly always and double every context.
    return offScreen(Side.values()[facingSide(a, i)], a, i, h.speed()) ? edgeAhead[type.index()] : null;
  }

  /**
   * That a step in the action's direction would take object i off the screen, for the type whose
   * moves show the actions' directions: an avatar held at the screen's edge. Null where it would not.
   */
  private Atom screenEdgeInActionsDirection(Frame a, int i, EntityType type) {
    if (edgeInAction == null || !type.name().equals(directions.type()) || a.action() < 0
        || directions.sideOf(a.action()) == Side.NONE.ordinal()
        || !offScreen(Side.values()[directions.sideOf(a.action())], a, i, directions.speed())) {
      return null;
    }
    return edgeInAction;
  }

  /** {@code ((action == LEFT and o.x - 32 < 0) or (action == RIGHT and o.x + o.w + 32 > 960) ...)}. */
  private String edgeInActionText() {
    List<String> cases = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : directions.sides().entrySet()) {
      cases.add("(action == " + directions.literals().get(e.getKey()) + " and "
          + offScreen(Side.values()[e.getValue()], "o", directions.speed()) + ")");
    }
    return "(" + String.join(" or ", cases) + ")";
  }

  private String offScreen(Side side, String var, int step) {
    return switch (side) {
      case RIGHT -> var + ".x + " + var + ".w + " + step + " > " + schema.screenWidth();
      case LEFT -> var + ".x - " + step + " < 0";
      case BOTTOM -> var + ".y + " + var + ".h + " + step + " > " + schema.screenHeight();
      case TOP -> var + ".y - " + step + " < 0";
      default -> "false";
    };
  }

  private boolean offScreen(Side side, Frame a, int i, int step) {
    return switch (side) {
      case RIGHT -> (long) a.x(i) + a.w(i) + step > schema.screenWidth();
      case LEFT -> a.x(i) - step < 0;
      case BOTTOM -> (long) a.y(i) + a.h(i) + step > schema.screenHeight();
      case TOP -> a.y(i) - step < 0;
      default -> false;
    };
  }

  /**
   * Whether object i is on its type's beat or off it: by the clock the beat keeps where one lines up
   * ({@link Clocks}), else by the moves in its history ({@link MoveBeat}).
   */
  private List<Atom> beatAtoms(Frame a, int i, EntityType type) {
    int beat = timing.beat(type.index());
    if (beat == 0) {
      return List.of();
    }
    Timing.Phase phase = timing.movePhase(type.index());
    if (phase != null) {
      return List.of(phase.holds(a, i) ? onClock[type.index()] : offClock[type.index()]);
    }
    List<Atom> out = new ArrayList<>();
    if (MoveBeat.onBeat(a, i, beat)) {
      out.add(new Atom(MoveBeat.onBeat("o", beat), "on_beat_" + beat));
    }
    if (MoveBeat.offBeat(a, i, beat)) {
      out.add(new Atom(MoveBeat.offBeat("o", beat), "off_beat_" + beat));
    }
    return out;
  }

  private List<Context> contexts(Frame a, int i, EntityType type) {
    String t = type.name();
    DraftBinder forT = DraftBinder.each(t);
    List<Context> out = new ArrayList<>();
    String action = a.action() >= 0 && a.action() < schema.actions().size()
        && actionDependence.mayDependOnAction(t) ? schema.actions().get(a.action()) : null;
    List<Atom> own = new ArrayList<>();
    if (action != null) {
      own.add(actionAtom(action));
    }
    own.addAll(beatAtoms(a, i, type));
    Atom heading = actionAlongHeading(a, i, type);
    if (heading != null) {
      own.add(heading);
    }
    Atom edge = screenEdgeAhead(a, i, type);
    if (edge != null) {
      own.add(edge);
    }
    Atom actionEdge = screenEdgeInActionsDirection(a, i, type);
    if (actionEdge != null) {
      own.add(actionEdge);
    }
    own.addAll(attributeAtoms(a, i, "o"));
    List<int[]> contacts = contacts(a, i);
    List<Atom> forAtoms = new ArrayList<>(own);
    if (a.ofType(type.index()).length <= 4) {
      // Nothing on a side: an agent moving into free space (few objects of its type, so this stays cheap).
      boolean[] touched = new boolean[4];
      for (int[] c : contacts) {
        if (c[1] < 4) {
          touched[c[1]] = true;
        }
      }
      for (int side = 0; side < 4; side++) {
        if (!touched[side]) {
          forAtoms.add(Atom.absence("(not exists f: Object where side(o, f) == " + Side.NAMES.get(side) + ")",
              "free_" + Side.NAMES.get(side).toLowerCase()));
        }
      }
    }
    combine(forT, Guard.NONE, "", forAtoms, 3, out);
    if (contacts.isEmpty()) {
      Guard free = Guard.of(Guard.Condition.absent("(not exists u: Object where touching(o, u))"));
      out.add(new Context(forT, free, "free"));
      if (action != null) {
        out.add(new Context(forT, free.and(actionAtom(action).condition()), "free_on_" + action.toLowerCase()));
      }
    }
    Set<String> seenContacts = new LinkedHashSet<>();
    for (int[] c : contacts) {
      String u = schema.type(a.type(c[0])).name();
      String side = Side.NAMES.get(c[1]);
      if (!seenContacts.add(u + side)) {
        continue;
      }
      DraftBinder binder = DraftBinder.touching(t, u, side);
      String name = "touching_" + u.toLowerCase() + "_" + side.toLowerCase();
      List<Atom> atoms = new ArrayList<>(own);
      atoms.addAll(attributeAtoms(a, c[0], "u"));
      // Its other contacts: a box pushed against a wall.
      Set<String> others = new LinkedHashSet<>();
      for (int[] d : contacts) {
        String v = schema.type(a.type(d[0])).name();
        String otherSide = Side.NAMES.get(d[1]);
        if (d[0] != c[0] && d[1] != c[1] && others.add(v + otherSide)) {
          String var = "v" + (atoms.size() + 1);
          atoms.add(new Atom("(exists " + var + ": " + v + " where side(o, " + var + ") == " + otherSide + ")",
              "with_" + v.toLowerCase() + "_" + otherSide.toLowerCase()));
        }
      }
      // One hop further: what the contacted object itself touches on the same side (pushing into it).
      for (int[] d : contacts(a, c[0])) {
        if (d[0] == i || d[1] != c[1]) {
          continue;
        }
        String v = schema.type(a.type(d[0])).name();
        if (others.add("hop" + v)) {
          String var = "v" + (atoms.size() + 1);
          atoms.add(new Atom("(exists " + var + ": " + v + " where side(u, " + var + ") == " + side + ")",
              "then_" + v.toLowerCase()));
        }
      }
      combine(binder, Guard.NONE, name, atoms.subList(0, Math.min(atoms.size(), 8)), 3, out);
    }
    headingContexts(a, i, type, action, contacts, out);
    actionContexts(a, i, type, contacts, out);
    return out;
  }

  /**
   * Contexts that speak of the action's direction, whatever it is ({@link ActionDirections}): an
   * object ahead of o (blocking it), with what lies beyond that object; an object behind o (pushing
   * it), with what lies ahead of o; nothing ahead of o. A push or a block seen in one direction is
   * then one statement for every direction.
   */
  private void actionContexts(Frame a, int i, EntityType type, List<int[]> contacts, List<Context> out) {
    int side = a.action() >= 0 ? directions.sideOf(a.action()) : Side.NONE.ordinal();
    if (side == Side.NONE.ordinal()) {
      return;
    }
    int back = Side.values()[side].opposite().ordinal();
    String t = type.name();
    Set<String> seen = new LinkedHashSet<>();
    boolean aheadTaken = false;
    for (int[] c : contacts) {
      boolean ahead = c[1] == side;
      if (!ahead && c[1] != back) {
        continue;
      }
      aheadTaken |= ahead;
      String u = schema.type(a.type(c[0])).name();
      if (!seen.add((ahead ? "ahead " : "behind ") + u)) {
        continue;
      }
      // Ahead: what lies beyond the blocker. Behind: what lies ahead of the pushed object.
      List<Atom> atoms = ahead ? beyond(a, c[0], "u", side, i) : beyond(a, i, "o", side, c[0]);
      List<Context> found = new ArrayList<>();
      combine(DraftBinder.touching(t, u, null),
          Guard.of(Guard.Condition.of(ahead ? directions.ahead("o", "u") : directions.behind("o", "u"))),
          (ahead ? "ahead_" : "pushed_by_") + u.toLowerCase(), atoms, 1, Facing.IN_FRONT, found);
      for (Context f : found) {
        Context byAction = new Context(f.binder, f.guard, f.name, f.facing, true);
        byAction.shape = f.shape;
        out.add(byAction);
      }
    }
    if (!aheadTaken && a.ofType(type.index()).length <= 4) {
      out.add(new Context(DraftBinder.each(t),
          Guard.of(Guard.Condition.absent("(not exists f: Object where " + directions.ahead("o", "f") + ")")),
          "ahead_free", Facing.FRONT_FREE, true));
    }
  }

  /**
   * What touches object k on {@code side}, the action's direction (object {@code exclude} left out):
   * one atom per type found there, or one saying nothing is.
   */
  private List<Atom> beyond(Frame a, int k, String var, int side, int exclude) {
    Set<String> types = new LinkedHashSet<>();
    for (int[] d : contacts(a, k)) {
      if (d[1] == side && d[0] != exclude) {
        types.add(schema.type(a.type(d[0])).name());
      }
    }
    List<Atom> out = new ArrayList<>();
    for (String v : types) {
      out.add(new Atom("(exists v: " + v + " where " + directions.ahead(var, "v") + ")", "then_" + v.toLowerCase()));
    }
    if (types.isEmpty()) {
      out.add(Atom.absence("(not exists v: Object where " + directions.ahead(var, "v") + ")", "then_free"));
    }
    return out;
  }

  /**
   * Contexts that speak of the object in front whatever the heading: o faces u, u faces o, or
   * nothing is in front of o. What was seen facing one way then carries over to the other ways.
   */
  private void headingContexts(Frame a, int i, EntityType type, String action, List<int[]> contacts,
      List<Context> out) {
    String t = type.name();
    Heading own = headings[type.index()];
    List<Atom> ownAtoms = new ArrayList<>();
    if (action != null) {
      ownAtoms.add(actionAtom(action));
    }
    Atom alongHeading = actionAlongHeading(a, i, type);
    if (alongHeading != null) {
      ownAtoms.add(alongHeading);
    }
    ownAtoms.addAll(attributeAtoms(a, i, "o", own == null ? null : own.attribute()));
    boolean frontTaken = false;
    Set<String> seen = new LinkedHashSet<>();
    for (int[] c : contacts) {
      int u = c[0];
      EntityType partner = schema.type(a.type(u));
      DraftBinder binder = DraftBinder.touching(t, partner.name(), null);
      String name = partner.name().toLowerCase();
      if (own != null && facingSide(a, i) == c[1]) {
        frontTaken = true;
        if (seen.add("facing " + partner.name())) {
          List<Atom> atoms = new ArrayList<>(ownAtoms);
          atoms.addAll(attributeAtoms(a, u, "u", null));
          combine(binder, Guard.of(Guard.Condition.of(own.facing("o", "u"))), "facing_" + name, atoms, 2,
              Facing.IN_FRONT, out);
        }
      }
      Heading theirs = headings[partner.index()];
      boolean facesO = theirs != null && facingSide(a, u) == Side.values()[c[1]].opposite().ordinal();
      if (facesO && seen.add("faced " + partner.name())) {
        List<Atom> atoms = new ArrayList<>();
        if (action != null) {
          atoms.add(actionAtom(action));
        }
        atoms.addAll(attributeAtoms(a, i, "o", null));
        atoms.addAll(attributeAtoms(a, u, "u", theirs.attribute()));
        combine(binder, Guard.of(Guard.Condition.of(theirs.facing("u", "o"))), "faced_by_" + name, atoms, 2,
            Facing.IN_FRONT, out);
      }
    }
    if (own != null && !frontTaken && facingSide(a, i) != Side.NONE.ordinal()
        && a.ofType(type.index()).length <= 4) {
      combine(DraftBinder.each(t), Guard.of(Guard.Condition.absent("(not exists f: Object where " + own.facing("o", "f") + ")")),
          "front_free", ownAtoms, 2, Facing.FRONT_FREE, out);
    }
  }

  /** {@code o.a == v} for each extra attribute with a small support (symbols, bools, small ints). */
  private List<Atom> attributeAtoms(Frame a, int i, String var) {
    return attributeAtoms(a, i, var, null);
  }

  /** As {@link #attributeAtoms(Frame, int, String)}, leaving out the attribute named {@code skip}. */
  private List<Atom> attributeAtoms(Frame a, int i, String var, String skip) {
    List<Atom> out = new ArrayList<>();
    EntityType type = schema.type(a.type(i));
    for (int k = 0; k < type.extras().size(); k++) {
      AttributeSpec spec = type.extras().get(k);
      if (spec.name().equals(skip) || spec.kind() == AttributeKind.INT && spec.supportSize() > 16) {
        continue;
      }
      String v = value(spec, a.get(i, Slots.FIRST_EXTRA + k));
      out.add(new Atom(var + "." + spec.name() + " == " + v, var + "_" + spec.name() + "_" + num(v)));
    }
    return out;
  }

  /** Every context of {@code binder} guarded by a conjunction of at most {@code max} atoms, in atom order. */
  private void combine(DraftBinder binder, Guard guard, String name, List<Atom> atoms, int max,
      List<Context> out) {
    combine(binder, guard, name, atoms, max, Facing.NONE, out);
  }

  /** As above; {@code facing} says how the contexts speak of a heading. */
  private void combine(DraftBinder binder, Guard guard, String name, List<Atom> atoms, int max,
      Facing facing, List<Context> out) {
    int[] conditions = new int[atoms.size()];
    for (int k = 0; k < conditions.length; k++) {
      conditions[k] = conditionNumber(atoms.get(k).condition());
    }
    combine(binder, guard, shapeOf(binder, guard), name, atoms, conditions, 0, max, facing, out);
  }

  /** As above, over the atoms from {@code from} on; {@code shape} is {@code binder} and {@code guard}'s ({@link #shapeOf}). */
  private void combine(DraftBinder binder, Guard guard, int shape, String name, List<Atom> atoms, int[] conditions,
      int from, int max, Facing facing, List<Context> out) {
    Context context = new Context(binder, guard, name, facing);
    context.shape = shape;
    out.add(context);
    if (max == 0) {
      return;
    }
    for (int k = from; k < atoms.size(); k++) {
      Atom atom = atoms.get(k);
      combine(binder, guard.and(atom.condition()), shape(shape, conditions[k]),
          name + (name.isEmpty() ? "" : "_") + atom.name(), atoms, conditions, k + 1, max - 1, facing, out);
    }
  }

  /** Contacts of object i at t as {object, side}, nearest types first, at most {@code maxContacts}. */
  private List<int[]> contacts(Frame a, int i) {
    List<int[]> out = new ArrayList<>();
    for (int k : a.all()) {
      if (k != i && Geometry.touching(a, i, k)) {
        out.add(new int[] {k, Geometry.side(a, i, k)});
        if (out.size() == maxContacts) {
          break;
        }
      }
    }
    return out;
  }

  /** @param blocked the sides a blocker of its type touches object i on ({@link Blocking#blockedSides}) */
  private void mineVelocity(Frame a, Frame b, int i, int j, List<Context> contexts, String attr, int slot,
      int blocked) {
    int v0 = slot == Slots.X ? a.vx(i) : a.vy(i);
    int v1 = b.get(j, slot) - a.get(i, slot);
    boolean inRange = v1 >= schema.velocityMin() && v1 <= schema.velocityMax();
    int previous = slot == Slots.X ? a.vxAt(i, 1) : a.vyAt(i, 1);
    Heading h = headings[a.type(i)];
    String axis = slot == Slots.X ? "x" : "y";
    // A step toward the heading, offered where that is what happened.
    String stepAhead = h != null && h.stepVelocity(a.get(i, headingSlots[a.type(i)]), axis) == v1
        ? "o." + attr + " := " + h.stepVelocity("o", axis) : null;
    // A step in the action's direction: for the type whose moves show the directions, and for any
    // object where the context speaks of that direction (pushed from behind, blocked ahead).
    // On the screen it is held there: the step toward an edge is cut at it (an avatar that a test
    // level shows against the screen's edge, which its training level may never show).
    boolean withAction = a.action() >= 0 && directions.sideOf(a.action()) != Side.NONE.ordinal()
        && stepsWithAction(a, i, axis, v1);
    String actionValue = actionValue(a, i, axis);
    String actionStep = withAction ? "o." + attr + " := " + actionValue : null;
    // The same steps, unless a blocker stands where they go (an avatar that walks into a wall stays).
    String stepAheadUnlessBlocked = null;
    if (h != null && blockedAhead[a.type(i)] != null) {
      int facing = facingSide(a, i);
      boolean stopped = facing != Side.NONE.ordinal() && (blocked & (1 << facing)) != 0;
      if ((stopped ? 0 : h.stepVelocity(a.get(i, headingSlots[a.type(i)]), axis)) == v1) {
        stepAheadUnlessBlocked = "o." + attr + " := if " + blockedAhead[a.type(i)] + " then 0 else "
            + h.stepVelocity("o", axis);
      }
    }
    int actionSide = a.action() >= 0 ? directions.sideOf(a.action()) : Side.NONE.ordinal();
    boolean stoppedInAction = actionSide != Side.NONE.ordinal() && (blocked & (1 << actionSide)) != 0;
    String actionStepUnlessBlocked = blockedInAction[a.type(i)] != null && (stoppedInAction ? v1 == 0 : withAction)
        ? "o." + attr + " := if " + blockedInAction[a.type(i)] + " then 0 else " + actionValue : null;
    boolean controlled = schema.type(a.type(i)).name().equals(directions.type());
    boolean alongAction = a.action() >= 0 && directions.stepVelocity(a.action(), axis) != 0;
    List<Context> all = new ArrayList<>(contexts);
    Guard.Condition from = Guard.Condition.of("o." + attr + " == " + v0);
    String fromName = "from_" + num(v0);
    for (Context c : contexts) {
      // The velocity it had: lookup tables of (action, velocity) such as acceleration up to a cap.
      if (!c.binder.contact() && !c.guard.opensWithAbsence()) {
        Context fromV0 = new Context(c.binder, c.guard.and(from), c.name + (c.name.isEmpty() ? "" : "_") + fromName,
            c.facing, c.byAction);
        fromV0.shape = c.shape < 0 ? -1 : shape(c.shape, conditionNumber(from));
        all.add(fromV0);
      }
    }
    int beat = timing.beat(a.type(i));
    int lastBeat = beat > 0 ? (slot == Slots.X ? a.vxAt(i, beat - 1) : a.vyAt(i, beat - 1)) : 0;
    List<Teleports.Partner> landedOn = inRange ? List.of() : Teleports.partners(schema, a, b, i, j, slot);
    // Not moving at all where the context speaks of the action's direction (a push against a box
    // with a box beyond it): one statement for both axes, so that a stop seen along one axis holds
    // along the other.
    // Likewise a step in the action's direction: one statement for both axes, so that a push seen
    // along one axis holds along the other.
    boolean directed = slot == Slots.X && inRange && a.action() >= 0 && directions.sideOf(a.action()) != Side.NONE.ordinal();
    boolean stayedOnAction = directed && b.x(j) == a.x(i) && b.y(j) == a.y(i);
    boolean steppedWithAction = directed && (b.x(j) != a.x(i) || b.y(j) != a.y(i))
        && stepsWithAction(a, i, "x", b.x(j) - a.x(i)) && stepsWithAction(a, i, "y", b.y(j) - a.y(i));
    // The effects and their names, written once for all the contexts they are counted under.
    String pos = slot == Slots.X ? "x" : "y";
    String steppedBoth = steppedWithAction
        ? "o.vx := " + actionValue(a, i, "x") + "\n  o.vy := " + actionValue(a, i, "y") : null;
    String setPosition = "o." + pos + " := " + b.get(j, slot);
    String setPositionName = pos + "_set_" + num(b.get(j, slot));
    String repeatsLast = "o." + attr + " := o." + attr + "@-" + (beat - 1);
    String repeatsLastName = attr + "_repeats_last_move";
    String kept = "o." + attr + " := o." + attr;
    String keptName = attr + "_kept";
    String flips = "o." + attr + " := -o." + attr;
    String flipsName = attr + "_flips";
    String isValue = "o." + attr + " := " + v1;
    String isValueName = attr + "_is_" + num(v1);
    int d = v1 - v0;
    String plus = "o." + attr + " := o." + attr + " + " + d;
    String plusName = attr + "_plus_" + num(d);
    String asBefore = "o." + attr + " := o." + attr + "@-1";
    String asBeforeName = attr + "_as_before";
    String follows = "o." + attr + " := u." + attr;
    String followsName = attr + "_follows";
    // Numbered once for all the contexts they are counted under.
    Target attrTarget = target(attr);
    Target stepTarget = target("step");
    Effect stays = effect("o.vx := 0\n  o.vy := 0");
    Effect steppedBothEffect = effect(steppedBoth);
    Effect setPositionEffect = effect(setPosition);
    Effect repeatsLastEffect = effect(repeatsLast);
    Effect keptEffect = effect(kept);
    Effect flipsEffect = effect(flips);
    Effect isValueEffect = effect(isValue);
    Effect stepAheadEffect = effect(stepAhead);
    Effect actionStepEffect = effect(actionStep);
    Effect stepAheadUnlessBlockedEffect = effect(stepAheadUnlessBlocked);
    Effect actionStepUnlessBlockedEffect = effect(actionStepUnlessBlocked);
    Effect plusEffect = effect(plus);
    Effect asBeforeEffect = effect(asBefore);
    Effect followsEffect = effect(follows);
    String stepsAheadName = attr + "_steps_ahead";
    String stepsWithActionName = attr + "_steps_with_action";
    String stepsAheadUnlessBlockedName = attr + "_steps_ahead_unless_blocked";
    String stepsWithActionUnlessBlockedName = attr + "_steps_with_action_unless_blocked";
    boolean plusOffered = d != 0 && Math.abs(d) <= Math.max(1, (schema.velocityMax() - schema.velocityMin()) / 8);
    // Every context of object i binds o to its type.
    String subject = schema.type(a.type(i)).name();
    String attrGroup = group(subject, attr);
    String vxGroup = group(subject, "vx");
    String vyGroup = group(subject, "vy");
    List<int[]> touching = contacts(a, i);
    for (Context c : all) {
      if (slot == Slots.X && (c.byAction || controlled)) {
        count(c, stepTarget);
        if (stayedOnAction && c.byAction) {
          add(c, stepTarget, stays, null, "stays", false, c);
        }
        if (steppedWithAction) {
          add(c, stepTarget, steppedBothEffect, null, "steps_with_action", true, c);
        }
      }
      count(c, attrTarget);
      if (!inRange) {
        add(c, attrTarget, setPositionEffect, null, setPositionName, false, c);
        if (c.guard.size() <= 1 && (c.binder.contact() || c.binder.alone())) {
          for (Teleports.Partner u : landedOn) {
            // Applicable wherever the object's own context held (the partner is always there).
            add(new Context(c.binder.with(u.type()), c.guard, c.name, c.facing), attr, u.effect(), null,
                pos + "_to_" + u.type().toLowerCase(), false, c);
          }
        }
        continue;
      }
      // Random steps: the object alone, or against one contact (a wall on one side rules a step out).
      if (randomStepContext(c)) {
        evidence(idOf(c), attrGroup, v1);
        out.choice(choiceKeys.number((long) idOf(c) << 32 | targetId(attr),
            new ChoiceMiner.Key(c.binder, c.guard, c.name, attrGroup, attr)), v1, wrong);
      } else {
        evidence(idOf(c), attrGroup, v1);
      }
      if ((c.byAction || controlled) && alongAction) {
        // A move in the action's direction is one outcome whatever the direction and axis: where a
        // context nearly always gives it when the action points along the axis (a box pushed from
        // behind), the object's moves are decided, not random, on both axes.
        int outcome = actionStep != null ? ChoiceMiner.WITH_THE_ACTION : v1;
        evidence(ChoiceMiner.withTheAction(idOf(c)), vxGroup, outcome);
        evidence(ChoiceMiner.withTheAction(idOf(c)), vyGroup, outcome);
      }
      if (beat > 1 && v1 != 0 && v1 == lastBeat) {
        add(c, attrTarget, repeatsLastEffect, null, repeatsLastName, false, c);
      }
      if (v1 == v0) {
        add(c, attrTarget, keptEffect, null, keptName, false, c);
      }
      if (v1 == -v0 && v0 != 0) {
        add(c, attrTarget, flipsEffect, null, flipsName, false, c);
      }
      add(c, attrTarget, isValueEffect, null, isValueName, false, c);
      if (stepAhead != null) {
        add(c, attrTarget, stepAheadEffect, null, stepsAheadName, true, c);
      }
      if (actionStep != null && (controlled || c.byAction)) {
        add(c, attrTarget, actionStepEffect, null, stepsWithActionName, true, c);
      }
      if (stepAheadUnlessBlocked != null) {
        add(c, attrTarget, stepAheadUnlessBlockedEffect, null, stepsAheadUnlessBlockedName, true, c);
      }
      if (actionStepUnlessBlocked != null && (controlled || c.byAction)) {
        add(c, attrTarget, actionStepUnlessBlockedEffect, null, stepsWithActionUnlessBlockedName, true, c);
      }
      if (plusOffered) {
        add(c, attrTarget, plusEffect, null, plusName, false, c);
      }
      if (v1 == previous && v1 != v0) {
        add(c, attrTarget, asBeforeEffect, null, asBeforeName, false, c);
      }
      if (c.binder.contact() && v1 != v0) {
        add(c, attrTarget, setPositionEffect, null, setPositionName, false, c);
      }
      if (c.binder.contact()) {
        int u = contactObject(a, touching, c);
        if (u >= 0) {
          int uv = slot == Slots.X ? a.vx(u) : a.vy(u);
          if (uv == v1 && uv != 0) {
            add(c, attrTarget, followsEffect, null, followsName, false, c);
          }
        }
      }
    }
  }

  /**
   * The step (vx, vy) as one outcome, for joint random steps ({@link JointSteps}), in the contexts
   * where per-axis random steps are observed.
   */
  private void mineJointStep(Frame a, Frame b, int i, int j, List<Context> contexts, int wrongX, int wrongY,
      int blockedSides) {
    int vx = b.x(j) - a.x(i);
    int vy = b.y(j) - a.y(i);
    if (vx < schema.velocityMin() || vx > schema.velocityMax() || vy < schema.velocityMin() || vy > schema.velocityMax()) {
      return;
    }
    // Every context of object i binds o to its type.
    String type = schema.type(a.type(i)).name().toLowerCase();
    for (Context c : contexts) {
      if (randomStepContext(c)) {
        out.jointStep(jointKeys.number(idOf(c), new JointSteps.Key(c.binder, c.guard, c.name, type)), vx, vy,
            blockedSides, wrongX, wrongY);
      }
    }
  }

  /** The object alone under at most two conditions, or against one contact: where random steps are looked for. */
  private static boolean randomStepContext(Context c) {
    boolean alone = c.binder.alone();
    return (alone || c.binder.contact()) && c.facing == Facing.NONE && c.guard.size() <= (alone ? 2 : 0);
  }

  /** Whether object i's step {@code v1} on {@code axis} is the action's step there, held on the screen. */
  private boolean stepsWithAction(Frame a, int i, String axis, int v1) {
    boolean x = axis.equals("x");
    int position = x ? a.x(i) : a.y(i);
    int room = (x ? schema.screenWidth() - a.w(i) : schema.screenHeight() - a.h(i)) - position;
    int step = directions.stepVelocity(a.action(), axis);
    return (position >= 0 && room >= 0 ? Math.max(-position, Math.min(room, step)) : step) == v1;
  }

  /** The action's step on {@code axis} as an expression, held on the screen where object i is on it. */
  private String actionValue(Frame a, int i, String axis) {
    boolean x = axis.equals("x");
    int position = x ? a.x(i) : a.y(i);
    int room = (x ? schema.screenWidth() - a.w(i) : schema.screenHeight() - a.h(i)) - position;
    return position >= 0 && room >= 0 ? heldOnScreen(directions.stepVelocity(axis), axis) : directions.stepVelocity(axis);
  }

  /** {@code step} cut at the screen's edges on {@code axis}: {@code clamp(step, -o.x, 960 - o.w - o.x)}. */
  private String heldOnScreen(String step, String axis) {
    boolean x = axis.equals("x");
    return "clamp(" + step + ", -o." + axis + ", " + (x ? schema.screenWidth() : schema.screenHeight()) + " - o."
        + (x ? "w" : "h") + " - o." + axis + ")";
  }

  /** The first object among {@code contacts} (object i's, {@link #contacts}) matching a contact context's type and side. */
  private int contactObject(Frame a, List<int[]> contacts, Context c) {
    for (int[] k : contacts) {
      String u = schema.type(a.type(k[0])).name();
      if (u.equals(c.binder.partner()) && Side.NAMES.get(k[1]).equals(c.binder.side())) {
        return k[0];
      }
    }
    return -1;
  }

  /**
   * Guards on ranges of the offset to another object: the target's next velocity as a constant or
   * as the offset plus a constant (closing a gap), for partners of types with at most two objects
   * (with the partner's direction of motion as an optional guard) and for contacted objects.
   */
  private void mineRelations(Frame a, Frame b, int i, int j, EntityType type, int wrongX, int wrongY) {
    int owner = out.nextRelationOwner();
    String t = type.name();
    if (a.ofType(type.index()).length <= 4) {
      for (EntityType partner : schema.types()) {
        int[] us = a.ofType(partner.index());
        if (partner == type || us.length == 0 || us.length > 2) {
          continue;
        }
        for (int u : us) {
          relate(a, b, i, j, u, false, type, partner, -1, -1, -1, wrongX, wrongY, owner);
          relate(a, b, i, j, u, false, type, partner, -1, 0, motion(a.vx(u)), wrongX, wrongY, owner);
          relate(a, b, i, j, u, false, type, partner, -1, 1, motion(a.vy(u)), wrongX, wrongY, owner);
        }
      }
    }
    // Each partner type and side once.
    boolean[] seen = new boolean[schema.types().size() * Side.values().length];
    for (int[] c : contacts(a, i)) {
      EntityType partner = schema.type(a.type(c[0]));
      int typeAndSide = partner.index() * Side.values().length + c[1];
      if (!seen[typeAndSide]) {
        seen[typeAndSide] = true;
        relate(a, b, i, j, c[0], true, type, partner, c[1], -1, -1, wrongX, wrongY, owner);
      }
    }
  }

  /** The direction a velocity points, as the index of its atom in {@link #MOTION_X}: back, forth, not at all. */
  private static int motion(int v) {
    return v < 0 ? 0 : v > 0 ? 1 : 2;
  }

  /** {@link #motion}'s atoms per axis, written once: moving back, forth, not at all. */
  private static final Atom[] MOTION_X = motionAtoms("vx");
  private static final Atom[] MOTION_Y = motionAtoms("vy");

  private static Atom[] motionAtoms(String attr) {
    return new Atom[] {new Atom("u." + attr + " < 0", attr + "_neg"), new Atom("u." + attr + " > 0", attr + "_pos"),
        new Atom("u." + attr + " == 0", attr + "_zero")};
  }

  /**
   * Observes the target's next step next to partner u: as a contact on {@code side} (its ordinal)
   * when {@code touching}, else beside u, under the motion {@code motion} of u along axis
   * {@code motionAxis} (0 for x, 1 for y; -1 for no guard).
   */
  private void relate(Frame a, Frame b, int i, int j, int u, boolean touching, EntityType type, EntityType partner,
      int side, int motionAxis, int motion, int wrongX, int wrongY, int owner) {
    int guard = motionAxis < 0 ? 0 : 1 + 3 * motionAxis + motion;
    long code = (touching ? 1L << 62 : 0) | (long) type.index() << 40 | (long) partner.index() << 16 | guard << 8
        | (touching ? side : 0);
    int[] keys = relationLists.get(code);
    if (keys == null) {
      String t = type.name();
      String p = partner.name();
      DraftBinder binder = touching ? DraftBinder.touching(t, p, Side.NAMES.get(side)) : DraftBinder.eachWith(t, p);
      Atom g = motionAxis < 0 ? null : (motionAxis == 0 ? MOTION_X : MOTION_Y)[motion];
      keys = new int[] {memory.relationKeys.of(new RelationKey(binder, g, t, p, "vx", "x")),
          memory.relationKeys.of(new RelationKey(binder, g, t, p, "vy", "y"))};
      relationLists.put(code, keys);
    }
    int vx = b.x(j) - a.x(i);
    int vy = b.y(j) - a.y(i);
    out.relation(keys[0], a.x(u) - a.x(i), vx, wrongX, owner);
    out.relation(keys[1], a.y(u) - a.y(i), vy, wrongY, owner);
  }

  /**
   * The numbers of the keys of one relation (x, then y) by a number made of its kind, types,
   * guard and side: found again for every observation without hashing its key.
   */
  private final LongTable<int[]> relationLists = new LongTable<>();

  private void mineExtra(Frame a, Frame b, int i, int j, List<Context> contexts, AttributeSpec spec, int slot) {
    int v0 = a.get(i, slot);
    int v1 = b.get(j, slot);
    String attr = spec.name();
    String kept = "o." + attr + " := o." + attr;
    String keptName = attr + "_kept";
    String isValue = "o." + attr + " := " + value(spec, v1);
    String isValueName = attr + "_is_" + num(value(spec, v1));
    String plus = "o." + attr + " := o." + attr + " + " + (v1 - v0);
    String plusName = attr + "_plus_" + num(v1 - v0);
    for (Context c : contexts) {
      count(c, attr);
      if (v1 == v0) {
        add(c, attr, kept, keptName);
      }
      add(c, attr, isValue, isValueName);
      if (spec.kind() == AttributeKind.INT && v1 != v0) {
        add(c, attr, plus, plusName);
      }
    }
  }

  private void mineSpawn(Frame a, Frame b, int j) {
    String newType = schema.type(b.type(j)).name();
    List<int[]> nearest = new ArrayList<>();
    for (int k : a.all()) {
      long dx = a.x(k) - b.x(j), dy = a.y(k) - b.y(j);
      nearest.add(new int[] {k, (int) Math.min(Integer.MAX_VALUE, dx * dx + dy * dy)});
    }
    nearest.sort((p, q) -> p[1] != q[1] ? Integer.compare(p[1], q[1]) : Integer.compare(a.id(p[0]), a.id(q[0])));
    for (int n = 0; n < Math.min(3, nearest.size()); n++) {
      int k = nearest.get(n)[0];
      int dx = b.x(j) - a.x(k), dy = b.y(j) - a.y(k);
      String effect = "spawn " + newType + " at (o.x" + offset(dx) + ", o.y" + offset(dy) + ")";
      String name = "spawns_" + newType.toLowerCase() + "_" + num(dx) + "_" + num(dy);
      out.spawner(a.type(k));
      out.created(b.type(j));
      for (Context c : spawnContexts(a, k, b.type(j))) {
        add(c, "spawn", effect, newType, name, false, c);
      }
    }
  }

  /**
   * The contexts of object k of frame a as a spawner of objects of type {@code created}: the
   * action, the beat of its type's moves (creations on the spawner's beat: periodic, with the phase
   * read from its history), the step's period of created types ({@link Timing}), that no object of
   * the created type exists (one missile at a time) and its attributes, up to three of them.
   */
  private List<Context> spawnContexts(Frame a, int k, int created) {
    String u = schema.type(a.type(k)).name();
    String action = a.action() >= 0 && a.action() < schema.actions().size() ? schema.actions().get(a.action()) : null;
    List<Atom> atoms = new ArrayList<>();
    if (action != null) {
      atoms.add(actionAtom(action));
    }
    int beat = timing.beat(a.type(k));
    if (beat > 0 && MoveBeat.onBeat(a, k, beat)) {
      atoms.add(new Atom(MoveBeat.onBeat("o", beat), "on_beat_" + beat));
    }
    for (Map.Entry<Timing.Phase, Atom> period : creationPeriods.entrySet()) {
      if (period.getKey().holds(a, k)) {
        atoms.add(period.getValue());
      }
    }
    if (a.ofType(created).length == 0) {
      String name = schema.type(created).name();
      atoms.add(new Atom("count(" + name + ") == 0", "no_" + name.toLowerCase()));
    }
    atoms.addAll(attributeAtoms(a, k, "o"));
    List<Context> contexts = new ArrayList<>();
    combine(DraftBinder.each(u), Guard.NONE, "", atoms, 3, contexts);
    return contexts;
  }

  /**
   * Creations that happen at random: for every spawn candidate, how often its context held where a
   * creation could have followed (each object of a spawning type, in every mined transition); one
   * that follows its context less than half of the time is also proposed as a creation with a
   * fitted probability ({@link RandomCreations}).
   */
  private void randomCreations(List<Transition> mined) {
    Map<String, Integer> held = new HashMap<>();
    for (Transition t : mined) {
      Frame a = t.before();
      for (int k : a.all()) {
        if (spawners.contains(a.type(k))) {
          // Each context once per spawner, whichever created type it was found for.
          Set<String> keys = new LinkedHashSet<>();
          for (int type : created) {
            for (Context c : spawnContexts(a, k, type)) {
              keys.add(c.key("spawn"));
            }
          }
          for (String key : keys) {
            held.merge(key, 1, Integer::sum);
          }
        }
      }
    }
    RandomCreations random = new RandomCreations(Math.log((double) schema.screenWidth() * schema.screenHeight()));
    // In the order of their texts, so that equal gains keep one order however the mining went.
    TreeMap<String, Candidate> spawns = new TreeMap<>();
    for (Candidate c : sighted) {
      if (c.created() != null) {
        spawns.put(c.body(), c);
      }
    }
    for (Candidate c : spawns.values()) {
      Integer times = held.get(c.contextKey());
      if (times != null) {
        random.consider(c, times);
      }
    }
    for (Candidate c : random.best()) {
      others.putIfAbsent(c.body(), c);
    }
  }

  private void count(Context c, String target) {
    out.count(idOf(c), targetId(target));
  }

  private void count(Context c, Target target) {
    out.count(idOf(c), target.number);
  }

  /** A target ({@code vx}, {@code alive}...) with its number in {@link #counts}, looked up once for many contexts. */
  private record Target(String name, int number) {}

  private Target target(String name) {
    return new Target(name, targetId(name));
  }

  /** Evidence that a target ({@code group}) is decided: its next value under context number {@code context}. */
  private void evidence(int context, String group, int value) {
    long key = (long) groupNumbers.computeIfAbsent(group, memory.groups::of) << 32 | (context & 0xFFFFFFFFL);
    Integer number = evidenceNumbers.get(key);
    if (number == null) {
      number = memory.evidence.of(key);
      evidenceNumbers.put(key, number);
    }
    out.evidence(number, value);
  }

  /** The numbers of the pairs of a target's group and a context ({@link MiningMemory#evidence}) found before. */
  private final LongTable<Integer> evidenceNumbers = new LongTable<>();

  private final Map<String, Integer> groupNumbers = new HashMap<>();
  /** The numbers of the keys of random-step and joint-step observations found before. */
  private final KeyNumbers<ChoiceMiner.Key> choiceKeys = new KeyNumbers<>(() -> memory.choiceKeys);
  private final KeyNumbers<JointSteps.Key> jointKeys = new KeyNumbers<>(() -> memory.jointKeys);

  /** An effect's text with its number in this mining, looked up once for many contexts; null for none. */
  private record Effect(String text, int number) {}

  private Effect effect(String text) {
    return text == null ? null : new Effect(text, effectNumbers.computeIfAbsent(text, memory.effects::of));
  }

  /** Adds {@code times} to how often context number {@code context} held for target number {@code target}. */
  private void count(int context, int target, int times) {
    if (context >= counts.length) {
      counts = java.util.Arrays.copyOf(counts, Math.max(context + 1, 2 * counts.length));
    }
    int[] row = counts[context];
    if (row == null || target >= row.length) {
      row = row == null ? new int[target + 1] : java.util.Arrays.copyOf(row, target + 1);
      counts[context] = row;
    }
    row[target] += times;
  }

  private void add(Context c, String target, String effect, String valueName) {
    add(c, target, effect, valueName, false);
  }

  /** @param stepsAhead whether the effect steps toward a heading rather than by a constant */
  private void add(Context c, String target, String effect, String valueName, boolean stepsAhead) {
    add(c, target, effect, null, valueName, stepsAhead, c);
  }

  /**
   * @param created the type the effect creates, or null
   * @param counted the context whose count for {@code target} is the candidate's applicability
   */
  private void add(Context c, String target, String effect, String created, String valueName, boolean stepsAhead,
      Context counted) {
    add(c, target(target), effect(effect), created, valueName, stepsAhead, counted);
  }

  private void add(Context c, Target target, Effect effect, String created, String valueName, boolean stepsAhead,
      Context counted) {
    int context = idOf(c);
    long key = (long) context << 32 | effect.number;
    Sightings seen = sightings.get(key);
    if (seen == null) {
      seen = new Sightings(key);
      sightings.put(key, seen);
    }
    if (seen.transition != transitionsMined) {
      // The first time in this transition: its first sighting here is the one it is known by.
      seen.transition = transitionsMined;
      seen.number = out.sighting(seen.of(context, c, target, effect, created, valueName, stepsAhead, idOf(counted)));
    }
    out.right(seen.number, wrong);
  }

  /**
   * The sightings of one context and effect made before, which the transitions mined share (most
   * transitions show what earlier ones showed), and the number of the one the transition being
   * mined knows them by.
   */
  private final class Sightings {
    private final List<Sighting> known = new ArrayList<>(1);
    /** The transition ({@link #transitionsMined}) that {@link #number} is of. */
    int transition = -1;
    int number;
    /** The number of the context and effect in {@link MiningMemory#candidates}. */
    private final int candidate;

    Sightings(long key) {
      this.candidate = memory.candidates.of(key);
    }

    /**
     * The sighting {@link #add} describes: one found before where it says the same (the binder
     * and guard read as the context's number says, and the guard as many conditions long).
     */
    Sighting of(int context, Context c, Target target, Effect effect, String created, String valueName,
        boolean stepsAhead, int counted) {
      for (Sighting s : known) {
        if (s.counted == counted && s.targetNumber == target.number && s.stepsAhead == stepsAhead
            && s.facing == c.facing && s.guard.size() == c.guard.size() && s.name.equals(c.name)
            && java.util.Objects.equals(s.valueName, valueName) && java.util.Objects.equals(s.created, created)) {
          return s;
        }
      }
      Sighting s = new Sighting(candidate, c.binder, c.guard, c.name, c.facing, effect.text, created,
          valueName, group(c, target.name), counted, memory.contexts.get(counted), target.name, target.number,
          stepsAhead);
      known.add(s);
      return s;
    }
  }

  /** The sightings made before, by the numbers of their context and effect. */
  private final LongTable<Sightings> sightings = new LongTable<>();
  /** How many transitions this miner mined: the number of the one being mined. */
  private int transitionsMined;

  private static String offset(int d) {
    return d == 0 ? "" : d > 0 ? " + " + d : " - " + (-d);
  }

  static String num(int v) {
    return v < 0 ? "m" + (-v) : Integer.toString(v);
  }

  private static String num(String v) {
    return v.startsWith("-") ? "m" + v.substring(1) : v.toLowerCase();
  }

  static String value(AttributeSpec spec, int v) {
    if (spec.kind() == AttributeKind.BOOL) {
      return v != 0 ? "true" : "false";
    }
    if (spec.kind() == AttributeKind.SYMBOL && v >= 0 && v < spec.symbols().size()) {
      return spec.symbols().get(v);
    }
    return Integer.toString(v);
  }
}
