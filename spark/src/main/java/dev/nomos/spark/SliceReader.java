package dev.nomos.spark;

import dev.nomos.runtime.cluster.ClusterTaskException;
import dev.nomos.runtime.cluster.ModelRecipe;
import dev.nomos.runtime.cluster.TransitionSlice;
import dev.nomos.runtime.fit.FitPart;
import dev.nomos.runtime.fit.FitScorer;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One task of the learner's candidate scoring: the slices of one trajectory file, found in the file
 * read episode by episode, each scored with the frames around it (so history reads as locally).
 */
final class SliceReader {
  private SliceReader() {}

  /** Slices of one file in file order (lines increasing): one task's work, one read of the file. */
  record FileSlices(String file, List<TransitionSlice> slices) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * {@code slices} cut into runs of one file in file order, keeping their order: the learner's data
     * is in file order, so a run is a file (or a file given twice, twice).
     */
    static List<FileSlices> runs(List<TransitionSlice> slices) {
      List<FileSlices> runs = new ArrayList<>();
      List<TransitionSlice> run = new ArrayList<>();
      for (TransitionSlice s : slices) {
        if (!run.isEmpty()) {
          TransitionSlice last = run.get(run.size() - 1);
          if (!last.file().equals(s.file()) || s.firstLine() <= last.firstLine()) {
            runs.add(new FileSlices(last.file(), run));
            run = new ArrayList<>();
          }
        }
        run.add(s);
      }
      if (!run.isEmpty()) {
        runs.add(new FileSlices(run.get(0).file(), run));
      }
      return runs;
    }
  }

  /** What one task returns: one value per slice of its file, in the file's slice order. */
  record SliceResults<T extends Serializable>(ArrayList<T> values, ArrayList<String> warnings) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The log-likelihood of every transition of each slice. */
  static SliceResults<double[]> logLikelihoods(ModelRecipe recipe, FileSlices work, boolean strict) {
    WorldModel model = Models.of(recipe);
    Inference inference = model.newInference();
    ArrayList<double[]> out = new ArrayList<>();
    ArrayList<String> warnings = each(model, work, strict, (episode, from, to) -> {
      double[] ll = new double[to - from];
      for (int k = from; k < to; k++) {
        try {
          ll[k - from] = inference.logLikelihood(episode.frames().get(k), episode.frames().get(k + 1));
        } catch (LawException e) {
          throw new ClusterTaskException(e.at(episode.location(k)).getMessage());
        }
      }
      out.add(ll);
    });
    return new SliceResults<>(out, warnings);
  }

  /** The fit's precomputed law scores of each slice. */
  static SliceResults<FitPart> precompute(ModelRecipe recipe, FileSlices work, boolean strict) {
    WorldModel model = Models.of(recipe);
    ArrayList<FitPart> out = new ArrayList<>();
    ArrayList<String> warnings = each(model, work, strict, (episode, from, to) -> {
      FitScorer scorer = new FitScorer(model);
      scorer.add(episode, from, to);
      out.add(scorer.part());
    });
    return new SliceResults<>(out, warnings);
  }

  @FunctionalInterface
  private interface SliceWork {
    /** Works on transitions {@code [from, to)} of {@code episode}. */
    void accept(Episode episode, int from, int to);
  }

  /**
   * Reads the file and hands each slice to {@code work} in slice order; slices of one file come in
   * file order (the learner's data is in file order), so one read finds them all.
   */
  private static ArrayList<String> each(WorldModel model, FileSlices work, boolean strict, SliceWork sliceWork) {
    List<TransitionSlice> slices = work.slices();
    int[] next = {0};
    ArrayList<String> warnings = ShardReader.read(model, work.file(), strict, episode -> {
      int[] lines = episode.lines();
      while (next[0] < slices.size()) {
        TransitionSlice s = slices.get(next[0]);
        int from = s.firstLine() < lines[0] || s.firstLine() > lines[lines.length - 1] ? -1
            : Arrays.binarySearch(lines, s.firstLine());
        if (from < 0) {
          return;
        }
        if (from + s.transitions() > episode.transitions()) {
          throw new ClusterTaskException(work.file() + ":" + s.firstLine() + ": the episode here has "
              + (episode.transitions() - from) + " transitions from this line, not " + s.transitions()
              + " (the file changed since it was read)");
        }
        sliceWork.accept(episode, from, from + s.transitions());
        next[0]++;
      }
    });
    if (next[0] < slices.size()) {
      throw new ClusterTaskException(work.file() + ":" + slices.get(next[0]).firstLine()
          + ": no episode record on this line (the file changed since it was read)");
    }
    return warnings;
  }
}
