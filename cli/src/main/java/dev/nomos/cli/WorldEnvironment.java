package dev.nomos.cli;

import dev.nomos.plan.Environment;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.ReadMode;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.worlds.World;
import java.util.ArrayList;
import java.util.List;

/**
 * A built-in world's true simulator as the agent's environment: each observation is the world's
 * objects read into a frame of the model's world (as a recording of them would be), linked to the
 * frames before it. The steps taken are kept as trajectory records for {@code --record}.
 */
final class WorldEnvironment implements Environment {
  private final World world;
  private final WorldSchema schema;
  private final FrameCodec codec;
  private final int episode;
  private final List<StepRecord> records = new ArrayList<>();
  private Frame current;

  /** Resets {@code world} to {@code level} with {@code seed}. */
  WorldEnvironment(World world, WorldSchema schema, int episode, long seed, int level) {
    this.world = world;
    this.schema = schema;
    this.codec = new FrameCodec(schema, ReadMode.OPEN);
    this.episode = episode;
    world.reset(seed, level);
    current = codec.encode(record(null, 0, false), null, null, 0);
  }

  private StepRecord record(String action, double reward, boolean done) {
    return new StepRecord(episode, world.t(), action, reward, done, world.objects());
  }

  @Override
  public Frame observe() {
    return current;
  }

  @Override
  public double step(int action) {
    String name = schema.actions().get(action); // the model's action, by name: the two may order them differently
    List<dev.nomos.runtime.trajectory.ObjectState> before = world.objects();
    int t = world.t();
    double reward = world.step(name);
    records.add(new StepRecord(episode, t, name, reward, false, before));
    current = codec.encode(record(null, 0, false), current.withAction(action), null, 0);
    return reward;
  }

  @Override
  public boolean done() {
    return world.done();
  }

  /** The records of the episode so far, the current step last (with done set). */
  List<StepRecord> records() {
    List<StepRecord> out = new ArrayList<>(records);
    out.add(record(null, 0, true));
    return out;
  }
}
