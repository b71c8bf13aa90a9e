package dev.nomos.learn.internal;

import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.TransitionScore;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The log-likelihood of every transition of the training data under a model, scored in slices of
 * consecutive transitions on all the learner's threads. A transition's score reads only its two
 * frames (which keep their links to earlier frames for history), so the scores, in the data's order,
 * are those one pass would give.
 */
public final class TransitionScoring {
  /** Slices per thread: enough that a slow slice does not leave the other threads idle for long. */
  private static final int SLICES_PER_THREAD = 4;

  private TransitionScoring() {}

  /** A run of transitions {@code [from, to)} of one episode. */
  private record Slice(Episode episode, int from, int to) {

    Episode frames() {
      if (from == 0 && to == episode.transitions()) {
        return episode;
      }
      return new Episode(episode.file(), episode.number(), episode.frames().subList(from, to + 1),
          Arrays.copyOfRange(episode.lines(), from, to + 1), episode.firstStep() + from);
    }
  }

  /**
   * Every transition's score, episode by episode in order, each naming its episode of
   * {@code episodes}; ends with {@link TimeBudget.OutOfTime} once {@code until} passes.
   */
  public static List<TransitionScore> score(WorldModel model, List<Episode> episodes, Parallelism workers, Deadline until) {
    if (workers.threads() == 1) {
      return Metrics.scoreTransitions(model, episodes, TimeBudget.cancelling(until));
    }
    int total = Episodes.transitions(episodes);
    int size = Math.max(1, -Math.floorDiv(-total, workers.threads() * SLICES_PER_THREAD));
    List<Slice> slices = new ArrayList<>();
    for (Episode e : episodes) {
      for (int from = 0; from < e.transitions(); from += size) {
        slices.add(new Slice(e, from, Math.min(e.transitions(), from + size)));
      }
    }
    List<List<TransitionScore>> scored = workers.map(slices, slice -> {
      List<TransitionScore> out = new ArrayList<>(slice.to() - slice.from());
      for (TransitionScore s : Metrics.scoreTransitions(model, List.of(slice.frames()), TimeBudget.cancelling(until))) {
        out.add(new TransitionScore(slice.episode(), slice.from() + s.step(), s.logLikelihood()));
      }
      return out;
    });
    List<TransitionScore> out = new ArrayList<>(total);
    for (List<TransitionScore> part : scored) {
      out.addAll(part);
    }
    return out;
  }
}
