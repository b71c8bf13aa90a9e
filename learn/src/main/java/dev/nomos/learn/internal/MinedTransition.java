package dev.nomos.learn.internal;

import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * What the miner's templates found in one transition, in the numbers of a {@link MiningMemory}:
 * the contexts counted for each target, the candidates seen right (in the order first seen), the
 * random-step, joint-step and relation observations, and the types that created or were created. It
 * does not depend on the current model: where a count depends on whether the model's most likely
 * next frame was wrong about a target, it names the target ({@link #wrong} decides that for a given
 * prediction), so a transition mined in one round is added up again in any later round without
 * being mined again.
 */
final class MinedTransition {
  /** The transition it was mined from: a memory finds it again by its index and frames. */
  final Transition transition;
  /** Counts, two numbers each: the context's and the target's. */
  final int[] counted;
  /** The candidates seen right, in the order first seen, each once, and their numbers ({@link Sighting#candidate}). */
  final Sighting[] sightings;
  final int[] candidates;
  /**
   * The targets each sighting was right about, one per time it was right: those of sighting k are
   * {@code rightAt[rightFrom[k]]} up to {@code rightAt[rightFrom[k + 1]]} (exclusive).
   */
  final int[] rightFrom;
  final int[] rightAt;
  /** Random-step observations, three numbers each: the histogram's key, the value, the target. */
  final int[] choices;
  /**
   * Evidence that a target is decided, two numbers each: the group and context's number
   * ({@link MiningMemory#evidence}; the context or its "with the action" number), and the value.
   */
  final int[] evidence;
  /** Joint steps, six numbers each: the key, vx, vy, the blocked sides, the x and the y target. */
  final int[] jointSteps;
  /** Relation events, five numbers each: the key, the offset, the next value, the target, and whose target it is (counted from 0 in this transition). */
  final int[] relations;
  /** How many objects' relations were mined: the relation events' owners are numbered below it. */
  final int relationOwners;
  /** The types of the objects new objects appeared near, and of the new objects. */
  final int[] spawners;
  final int[] created;
  /** Per target, the object's id, the slot (or {@link #PRESENCE}) and the value at t+1 (1 or 0 for presence). */
  private final int[] targetIds;
  private final int[] targetSlots;
  private final int[] targetValues;

  /** The slot of a target that is an object's presence at t+1. */
  static final int PRESENCE = -1;

  private MinedTransition(Builder b) {
    this.transition = b.transition;
    this.counted = b.counted.toArray();
    this.sightings = b.sightings.toArray(new Sighting[0]);
    this.candidates = new int[sightings.length];
    for (int k = 0; k < sightings.length; k++) {
      candidates[k] = sightings[k].candidate;
    }
    this.rightFrom = b.rightFrom();
    this.rightAt = b.rightAt(rightFrom);
    this.choices = b.choices.toArray();
    this.evidence = b.evidence.toArray();
    this.jointSteps = b.jointSteps.toArray();
    this.relations = b.relations.toArray();
    this.relationOwners = b.relationOwners;
    this.spawners = b.spawners.toArray();
    this.created = b.created.toArray();
    this.targetIds = b.targetIds.toArray();
    this.targetSlots = b.targetSlots.toArray();
    this.targetValues = b.targetValues.toArray();
  }

  /**
   * Per target, whether {@code predicted} (the model's most likely frame t+1; null when unknown,
   * which counts every target as wrong) gets it wrong.
   */
  boolean[] wrong(Frame predicted) {
    boolean[] out = new boolean[targetIds.length];
    for (int k = 0; k < out.length; k++) {
      if (predicted == null) {
        out[k] = true;
        continue;
      }
      int p = predicted.indexOfId(targetIds[k]);
      out[k] = targetSlots[k] == PRESENCE ? (p >= 0) != (targetValues[k] != 0)
          : p < 0 || predicted.get(p, targetSlots[k]) != targetValues[k];
    }
    return out;
  }

  /** Whether this was mined from {@code t}: the same index and the same frames. */
  boolean minedFrom(Transition t) {
    return transition.index() == t.index() && transition.before() == t.before() && transition.after() == t.after();
  }

  /** Collects what the templates find in one transition, in the order they find it. */
  static final class Builder {
    private final Transition transition;
    private final IntColumn counted = new IntColumn();
    private final List<Sighting> sightings = new ArrayList<>();
    /** Two numbers per time a sighting was right: the sighting's and the target's. */
    private final IntColumn right = new IntColumn();
    private final IntColumn choices = new IntColumn();
    private final IntColumn evidence = new IntColumn();
    private final IntColumn jointSteps = new IntColumn();
    private final IntColumn relations = new IntColumn();
    private int relationOwners;
    private final IntColumn spawners = new IntColumn();
    private final IntColumn created = new IntColumn();
    private final IntColumn targetIds = new IntColumn();
    private final IntColumn targetSlots = new IntColumn();
    private final IntColumn targetValues = new IntColumn();

    Builder(Transition transition) {
      this.transition = transition;
    }

    /** A target: object {@code id}'s {@code slot} (or {@link #PRESENCE}) with its {@code value} at t+1; its number. */
    int target(int id, int slot, int value) {
      targetIds.add(id);
      targetSlots.add(slot);
      targetValues.add(value);
      return targetIds.size() - 1;
    }

    void count(int context, int target) {
      counted.add(context);
      counted.add(target);
    }

    /** A candidate seen right for the first time in this transition; its number here. */
    int sighting(Sighting s) {
      sightings.add(s);
      return sightings.size() - 1;
    }

    /** Sighting number {@code sighting} was right about {@code target}. */
    void right(int sighting, int target) {
      right.add(sighting);
      right.add(target);
    }

    void choice(int key, int value, int target) {
      choices.add(key);
      choices.add(value);
      choices.add(target);
    }

    void evidence(int groupAndContext, int value) {
      evidence.add(groupAndContext);
      evidence.add(value);
    }

    void jointStep(int key, int vx, int vy, int blockedSides, int targetX, int targetY) {
      jointSteps.add(key);
      jointSteps.add(vx);
      jointSteps.add(vy);
      jointSteps.add(blockedSides);
      jointSteps.add(targetX);
      jointSteps.add(targetY);
    }

    /** Starts the relations of the next object: its events are told from the others' by its number. */
    int nextRelationOwner() {
      return relationOwners++;
    }

    void relation(int key, int offset, int value, int target, int owner) {
      relations.add(key);
      relations.add(offset);
      relations.add(value);
      relations.add(target);
      relations.add(owner);
    }

    void spawner(int type) {
      spawners.add(type);
    }

    void created(int type) {
      created.add(type);
    }

    /** Where each sighting's targets start in {@link #rightAt}, and (last) where they end. */
    private int[] rightFrom() {
      int[] pairs = right.toArray();
      int[] out = new int[sightings.size() + 1];
      for (int k = 0; k < pairs.length; k += 2) {
        out[pairs[k] + 1]++;
      }
      for (int k = 0; k < sightings.size(); k++) {
        out[k + 1] += out[k];
      }
      return out;
    }

    /** The targets each sighting was right about, the sightings one after another. */
    private int[] rightAt(int[] from) {
      int[] pairs = right.toArray();
      int[] next = java.util.Arrays.copyOf(from, from.length - 1);
      int[] out = new int[pairs.length / 2];
      for (int k = 0; k < pairs.length; k += 2) {
        out[next[pairs[k]]++] = pairs[k + 1];
      }
      return out;
    }

    MinedTransition build() {
      return new MinedTransition(this);
    }
  }
}
