package dev.nomos.runtime.fit;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.model.internal.Observations;
import dev.nomos.runtime.model.internal.OpinionCollector;
import dev.nomos.runtime.model.internal.Partitions;
import dev.nomos.runtime.model.internal.TargetObserver;
import dev.nomos.runtime.trajectory.Episode;
import java.util.Arrays;
import java.util.List;

/**
 * Every law's scores on a data set, computed once so that fitting never runs a law again. Per
 * observed target some law spoke to, it stores the classes of values the laws tell apart (each with
 * its multiplicity and its sparse (law, feature) list) and which class the observed value fell in;
 * targets no law spoke to and unexplained new objects add a constant. The log-likelihood under
 * weights θ is then {@code constant + Σ_targets (a_obs - log Σ_c m_c exp(a_c))} with
 * {@code a_c = Σ_law θ_law f_law,c}: only weighted sums and log-sum-exps.
 */
public final class FitData {
  final List<String> lawNames;
  final int transitions;
  final double constant;
  final int targets;
  final int[] targetClassStart;
  final int[] observedClass;
  final double[] classLogMultiplicity;
  final int[] classFeatStart;
  final int[] featLaw;
  final double[] featVal;

  private FitData(Builder b) {
    this.lawNames = b.lawNames;
    this.transitions = b.transitions;
    this.constant = b.constant;
    this.targets = b.targets;
    this.targetClassStart = Arrays.copyOf(b.targetClassStart, b.targets + 1);
    this.observedClass = Arrays.copyOf(b.observedClass, b.targets);
    this.classLogMultiplicity = Arrays.copyOf(b.classLogMultiplicity, b.classes);
    this.classFeatStart = Arrays.copyOf(b.classFeatStart, b.classes + 1);
    this.featLaw = Arrays.copyOf(b.featLaw, b.feats);
    this.featVal = Arrays.copyOf(b.featVal, b.feats);
  }

  /** Runs every law of {@code model} once on every transition of {@code episodes}. */
  public static FitData precompute(WorldModel model, List<Episode> episodes, ProgressListener progress) {
    Builder b = new Builder(model);
    long total = 0;
    for (Episode e : episodes) {
      total += e.transitions();
    }
    long done = 0;
    for (Episode e : episodes) {
      List<Frame> frames = e.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        b.add(frames.get(k), frames.get(k + 1));
        progress.progress(++done, total);
      }
    }
    return new FitData(b);
  }

  public List<String> lawNames() { return lawNames; }

  public int transitions() { return transitions; }

  /** Number of observed targets that carry law features. */
  public int targets() { return targets; }

  /** Number of stored (law, feature) entries: the work of one objective evaluation. */
  public int entries() { return featLaw.length; }

  /** The log-likelihood terms that no weight affects. */
  public double constant() { return constant; }

  private static final class Builder implements TargetObserver {
    final List<String> lawNames;
    final List<Law> laws;
    final OpinionCollector collector;
    final Partitions partitions = new Partitions();
    final Observations observations = new Observations();
    int transitions;
    double constant;
    int targets;
    int[] targetClassStart = new int[1024];
    int[] observedClass = new int[1024];
    int classes;
    double[] classLogMultiplicity = new double[4096];
    int[] classFeatStart = new int[4097];
    int feats;
    int[] featLaw = new int[16384];
    double[] featVal = new double[16384];

    Builder(WorldModel model) {
      this.lawNames = model.lawNames();
      this.laws = model.laws();
      this.collector = new OpinionCollector(model.schema(), lawNames.toArray(String[]::new), model.options().nu());
    }

    void add(Frame t, Frame next) {
      collector.run(t, laws);
      partitions.build(collector);
      observations.observe(collector, partitions, next, this);
      transitions++;
    }

    @Override
    public void constant(double logProbability, int type) {
      constant += logProbability;
    }

    @Override
    public void observed(int part, int value, int type) {
      Partitions p = partitions;
      int first = p.segStart(part);
      int last = p.segEnd(part);
      ensureTargets(targets + 1);
      ensureClasses(classes + (last - first) + 1);
      targetClassStart[targets] = classes;
      int observed = -1;
      for (int s = first; s < last; s++) {
        int from = p.featStart(s);
        int to = p.featEnd(s);
        ensureFeats(feats + (to - from));
        if (value >= p.segLo(s) && value <= p.segHi(s)) {
          observed = classes;
        }
        classLogMultiplicity[classes] = Math.log((double) p.segHi(s) - p.segLo(s) + 1);
        classFeatStart[classes] = feats;
        for (int k = from; k < to; k++) {
          featLaw[feats] = p.featLaw(k);
          featVal[feats] = p.featVal(k);
          feats++;
        }
        classes++;
      }
      long unmentioned = p.unmentioned(part);
      if (observed < 0 && (value < p.baseLo(part) || value > p.baseHi(part))) {
        unmentioned++; // The observed value outside the support joins the unmentioned values.
      }
      if (unmentioned > 0) {
        if (observed < 0) {
          observed = classes;
        }
        classLogMultiplicity[classes] = Math.log((double) unmentioned);
        classFeatStart[classes] = feats;
        classes++;
      }
      classFeatStart[classes] = feats;
      observedClass[targets] = observed;
      targets++;
      targetClassStart[targets] = classes;
    }

    private void ensureTargets(int n) {
      if (targetClassStart.length < n + 1) {
        int size = Math.max(n + 1, targetClassStart.length * 2);
        targetClassStart = Arrays.copyOf(targetClassStart, size);
        observedClass = Arrays.copyOf(observedClass, size);
      }
    }

    private void ensureClasses(int n) {
      if (classLogMultiplicity.length < n) {
        int size = Math.max(n, classLogMultiplicity.length * 2);
        classLogMultiplicity = Arrays.copyOf(classLogMultiplicity, size);
        classFeatStart = Arrays.copyOf(classFeatStart, size + 1);
      }
    }

    private void ensureFeats(int n) {
      if (featLaw.length < n) {
        int size = Math.max(n, featLaw.length * 2);
        featLaw = Arrays.copyOf(featLaw, size);
        featVal = Arrays.copyOf(featVal, size);
      }
    }
  }
}
