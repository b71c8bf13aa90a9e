package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How errors compound over a rollout: from every recorded step k of every episode, the model rolls
 * out up to H steps under the recorded actions (the most likely step each time, or N sampled
 * rollouts), and the frame at horizon h is compared with the recorded frame k + h, for h = 1..H (as
 * far as the episode goes). At horizon 1 the figures are those of the one-step evaluation.
 *
 * <ul>
 *   <li>exact-frame accuracy: as {@link Metrics} defines it, with the recorded frame k + h - 1 in the
 *       role of t: objects matched by id, presence, x and y of survivors, and new objects' (type, x, y);
 *   <li>attribute accuracy: x, y and each declared attribute over the moving cases at k + h;
 *   <li>reward: accuracy and mean absolute error of the step's reward against the one recorded on
 *       frame k + h - 1.
 * </ul>
 * A sampled rollout counts as one case per horizon, like a most likely one; a rollout goes on past a
 * predicted end (the recording decides how far to compare).
 *
 * @param horizons one entry per h = 1..H
 * @param samples rollouts per start (0: the most likely rollout)
 */
public record HorizonEvaluation(List<Horizon> horizons, int samples) {

  /** The figures at one horizon. */
  public record Horizon(int steps, long cases, long exact, Map<String, AttributeScore> attributes,
      long rewardCorrect, double rewardAbsoluteError) {

    public double exactFrameAccuracy() {
      return cases == 0 ? Double.NaN : (double) exact / cases;
    }

    public double rewardAccuracy() {
      return cases == 0 ? Double.NaN : (double) rewardCorrect / cases;
    }

    public double rewardMeanAbsoluteError() {
      return cases == 0 ? Double.NaN : rewardAbsoluteError / cases;
    }

    /** Every attribute's cases pooled. */
    public double attributeAccuracy() {
      long right = 0;
      long total = 0;
      for (AttributeScore s : attributes.values()) {
        right += s.correct();
        total += s.total();
      }
      return total == 0 ? Double.NaN : (double) right / total;
    }
  }

  /**
   * Rolls the model out from every step.
   *
   * @param samples 0 for the most likely rollout, else that many sampled rollouts per start
   * @param seed seeds the sampled rollouts (one random stream for the whole evaluation)
   */
  public static HorizonEvaluation evaluate(WorldModel model, List<Episode> episodes, int horizon, int samples,
      long seed, ProgressListener progress) {
    if (horizon < 1) {
      throw new IllegalArgumentException("the horizon must be at least 1, got " + horizon);
    }
    if (samples < 0) {
      throw new IllegalArgumentException("samples must be at least 0, got " + samples);
    }
    Simulator sim = new Simulator(model);
    SplittableRandom random = new SplittableRandom(seed);
    long[] cases = new long[horizon];
    long[] exact = new long[horizon];
    long[] rewardCorrect = new long[horizon];
    double[] rewardError = new double[horizon];
    List<Map<String, AttributeScore>> attributes = new ArrayList<>();
    for (int h = 0; h < horizon; h++) {
      attributes.add(new HashMap<>());
    }
    long starts = 0;
    for (Episode e : episodes) {
      starts += e.transitions();
    }
    long done = 0;
    int runs = Math.max(1, samples);
    for (Episode episode : episodes) {
      List<Frame> frames = episode.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        for (int run = 0; run < runs; run++) {
          Frame frame = frames.get(k);
          for (int h = 1; h <= horizon && k + h < frames.size(); h++) {
            Frame before = frames.get(k + h - 1);
            Frame recorded = frames.get(k + h);
            Simulator.Step step;
            try {
              step = samples == 0 ? sim.mostLikely(frame, before.action()) : sim.sample(frame, before.action(), random);
            } catch (LawException ex) {
              throw ex.at(episode.location(k + h - 1));
            }
            Frame predicted = step.frame();
            cases[h - 1]++;
            if (Metrics.exactAndScore(model.schema(), before, recorded, predicted, attributes.get(h - 1))) {
              exact[h - 1]++;
            }
            double error = Math.abs(step.reward() - before.reward());
            rewardError[h - 1] += error;
            rewardCorrect[h - 1] += error == 0 ? 1 : 0;
            frame = predicted;
          }
        }
        progress.progress(++done, starts);
      }
    }
    List<Horizon> out = new ArrayList<>();
    for (int h = 0; h < horizon; h++) {
      out.add(new Horizon(h + 1, cases[h], exact[h], Map.copyOf(attributes.get(h)), rewardCorrect[h], rewardError[h]));
    }
    return new HorizonEvaluation(List.copyOf(out), samples);
  }
}
