package dev.nomos.bench;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.learn.EnumerativeProposer;
import dev.nomos.learn.LearnListener;
import dev.nomos.learn.LearnOptions;
import dev.nomos.learn.LearnResult;
import dev.nomos.learn.Learner;
import dev.nomos.learn.ModelSelection;
import dev.nomos.learn.NomosLawCompiler;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.trajectory.Episode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Learn time against transitions for the scaling table: {@code nomos learn}'s loop (enumerative
 * proposer, no laws to start from) on the Pong-scale world's seeded episodes, with a budget fixed in
 * rounds rather than time, so that what grows with the data is the work and not the budget.
 */
final class LearnScaling {
  /** Rounds of the loop: enough to fit, score, propose, check and refit more than once. */
  static final int ROUNDS = 3;

  /** What one learn run took and made. */
  record Figures(int transitions, double wallSeconds, double cpuSeconds, int rounds, int laws, String stop) {}

  private LearnScaling() {}

  /**
   * Learns from {@code transitions} transitions of the Pong-scale world (episodes of
   * {@code episodeSteps} steps) with {@link #ROUNDS} rounds, no model selection (one run of the
   * loop, on all the data) and the learner's default threads.
   */
  static Figures measure(int transitions, int episodeSteps) {
    Compilation world = BenchModels.compileSource("pong-world.law", PongLaws.WORLD);
    WorldSchema schema = world.schema();
    List<Episode> train = new ArrayList<>();
    for (int made = 0; made < transitions; made += episodeSteps) {
      int frames = Math.min(episodeSteps, transitions - made) + 1;
      List<Frame> episode = Trajectories.pong(schema, frames, 2_000 + train.size());
      int[] lines = new int[episode.size()];
      for (int k = 0; k < lines.length; k++) {
        lines[k] = k + 1;
      }
      train.add(new Episode(null, train.size(), episode, lines));
    }
    LearnOptions options = LearnOptions.enumerativeDefaults().withSelection(ModelSelection.OFF)
        .withMaxIterations(ROUNDS).withMaxTime(Duration.ofHours(2));
    Learner learner = new Learner(schema, PongLaws.WORLD, new NomosLawCompiler(schema, Engine.COMPILED),
        new EnumerativeProposer(), options, ModelOptions.defaults(), LearnListener.NONE);
    long wall = System.nanoTime();
    long cpu = ScalingBench.processCpuNanos();
    LearnResult result = learner.learn(train, List.of(), List.of());
    double cpuSeconds = (ScalingBench.processCpuNanos() - cpu) / 1e9;
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    int rounds = (int) result.report().iterations().stream().filter(r -> r.iteration() > 0).count();
    return new Figures(transitions, wallSeconds, cpuSeconds, rounds, result.laws().size(),
        result.report().stopReason());
  }
}
