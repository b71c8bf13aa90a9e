package dev.nomos.learn.internal;

import dev.nomos.learn.Transition;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What the miner keeps from one mining to the next: each transition's observations
 * ({@link MinedTransition}) by the transition's index, per setup of the miner (the world, its
 * headings, directions, clocks and which types block which, which decide what the templates
 * write). A round of the learner mines its worst transitions, and most of them were among the
 * worst of an earlier round or of another run of model selection: they are added up again rather
 * than mined again. Shared by the threads and runs that mine; a proposer keeps one.
 */
public final class MiningMemory {
  /** Setups remembered at most (the oldest is forgotten): a setup changes when the blockers read off a round's transitions do. */
  private static final int SETUPS = 4;
  /** Transitions remembered per setup at most; past it, the setup's memory starts again. */
  private static final int TRANSITIONS = 50_000;

  final Numbering<String> contexts = new Numbering<>();
  final Numbering<String> targets = new Numbering<>();
  final Numbering<String> effects = new Numbering<>();
  final Numbering<String> groups = new Numbering<>();
  /** Pairs of a target's group and a context, {@code group << 32 | context}, that evidence is counted under. */
  final Numbering<Long> evidence = new Numbering<>();
  /** Candidates of the templates by their context's and effect's numbers, {@code context << 32 | effect}. */
  final Numbering<Long> candidates = new Numbering<>();
  final Numbering<ChoiceMiner.Key> choiceKeys = new Numbering<>();
  final Numbering<JointSteps.Key> jointKeys = new Numbering<>();
  final Numbering<RelationKey> relationKeys = new Numbering<>();

  private final Map<Object, Store> stores = new LinkedHashMap<>();

  /**
   * The memory of one setup: its transitions, mined or being mined, and miners set up for it that
   * are free to mine more.
   */
  static final class Store {
    private final Map<Integer, CompletableFuture<MinedTransition>> mined = new ConcurrentHashMap<>();
    final ConcurrentLinkedDeque<Miner> idle = new ConcurrentLinkedDeque<>();

    /**
     * Claims {@code t} for mining: null when the caller is to mine it (and then hands the result,
     * or null for none, to {@code mine}), else the mining of {@code t} done or under way elsewhere
     * (its result null where that mining was cut, or from other frames under the index).
     */
    CompletableFuture<MinedTransition> claim(Transition t, CompletableFuture<MinedTransition> mine) {
      if (mined.size() >= TRANSITIONS) {
        mined.clear();
      }
      CompletableFuture<MinedTransition> known = mined.putIfAbsent(t.index(), mine);
      if (known != null && known.isDone() && !known.isCompletedExceptionally() && known.join() != null
          && !known.join().minedFrom(t) && mined.replace(t.index(), known, mine)) {
        return null;
      }
      return known;
    }

    /** Ends the caller's claim of {@code t} with {@code result}, or gives it up where it is null. */
    void done(Transition t, CompletableFuture<MinedTransition> mine, MinedTransition result) {
      if (result == null) {
        mined.remove(t.index(), mine);
      }
      mine.complete(result);
    }
  }

  /** The memory of {@code setup} (a value equal for setups that mine alike). */
  synchronized Store store(Object setup) {
    Store s = stores.get(setup);
    if (s == null) {
      if (stores.size() == SETUPS) {
        Iterator<Object> oldest = stores.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      s = new Store();
      stores.put(setup, s);
    }
    return s;
  }
}
