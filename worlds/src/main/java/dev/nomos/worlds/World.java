package dev.nomos.worlds;

import dev.nomos.runtime.trajectory.ObjectState;
import java.util.List;

/**
 * A seeded, deterministic simulator. After {@link #reset(long, int)} the world is at step 0 of a
 * new episode; each {@link #step(String)} advances it by one step. The same seed, level and action
 * sequence always produce the same states.
 *
 * <p>A world is a mutable, single-threaded object: record one episode at a time with it.
 */
public interface World {

  /** The registry name, such as {@code pong}. */
  String name();

  /** The action names in declaration order (the order of the world's {@code actions} line). */
  List<String> actions();

  /** How many levels {@link #reset(long, int)} accepts (levels are numbered from 0). */
  int levelCount();

  /**
   * Starts a new episode on {@code level} (0 to {@link #levelCount()} - 1). Everything random about
   * the episode (layouts, serve directions) is drawn from {@code seed}.
   */
  void reset(long seed, int level);

  /**
   * Applies {@code action} and advances one step; returns the reward that action earned.
   *
   * @throws IllegalArgumentException if the action is not one of {@link #actions()}
   * @throws IllegalStateException if the episode is {@link #done()}
   */
  double step(String action);

  /** The objects of the current step, in id order. */
  List<ObjectState> objects();

  /** The current step number within the episode (0 right after a reset). */
  int t();

  /** Whether the episode has ended (won, lost, or its step limit reached). */
  boolean done();

  /**
   * Whether the episode was cut by its step limit rather than ended by the game (Gymnasium's
   * {@code truncated}); false while it runs and when it was won or lost.
   */
  boolean truncated();
}
