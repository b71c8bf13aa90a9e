package dev.nomos.learn.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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
  final Numbering<ChoiceMiner.Key> choiceKeys = new Numbering<>();
  final Numbering<JointSteps.Key> jointKeys = new Numbering<>();
  final Numbering<Miner.RelationKey> relationKeys = new Numbering<>();

  private final Map<Object, Store> stores = new LinkedHashMap<>();

  /** The memory of one setup: its mined transitions, and miners set up for it that are free to mine more. */
  static final class Store {
    private final Map<Integer, MinedTransition> mined = new ConcurrentHashMap<>();
    final ConcurrentLinkedDeque<Miner> idle = new ConcurrentLinkedDeque<>();

    /** What was mined from {@code t}, or null when it was not (or from other frames under its index). */
    MinedTransition get(dev.nomos.learn.Transition t) {
      MinedTransition m = mined.get(t.index());
      return m != null && m.minedFrom(t) ? m : null;
    }

    void put(MinedTransition m) {
      if (mined.size() >= TRANSITIONS) {
        mined.clear();
      }
      mined.put(m.transition.index(), m);
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
