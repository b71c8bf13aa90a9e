package dev.nomos.runtime.model;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.EpisodeSource;
import dev.nomos.runtime.trajectory.TransitionShards;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scores a model on recorded episodes (design brief §1):
 * <ul>
 *   <li>mean negative log-likelihood per transition (natural log);
 *   <li>exact next-frame accuracy of the most likely prediction: every object of t predicted present or
 *       absent correctly, every surviving object's x and y right, and the new objects (type, x, y) the
 *       same as observed;
 *   <li>per-attribute accuracy on moving objects: for x, y and each declared attribute, over the objects
 *       present at t and t+1 whose value of that attribute changed between t and t+1 or between t-1
 *       and t (an object predicted absent counts as wrong);
 * </ul>
 * each also per entity type, plus the reward and episode-end figures of {@link OutcomeEvaluation},
 * plus each law's firing count (opinions emitted). Objects of types the world
 * does not declare (open-world reads) get a per-type entry of their own: their share of the NLL (each
 * appearance is an unexplained new object) and, as the model never predicts them, a transition in
 * which one appears is not exact.
 */
public final class Metrics {
  private Metrics() {}

  public static Evaluation evaluate(WorldModel model, List<Episode> episodes) {
    return evaluate(model, episodes, ProgressListener.NONE);
  }

  public static Evaluation evaluate(WorldModel model, List<Episode> episodes, ProgressListener progress) {
    return evaluate(model, episodes, progress, Parallelism.SERIAL);
  }

  /** As {@link #evaluate(WorldModel, List, ProgressListener)} on up to {@code threads} threads; the same for any number. */
  public static Evaluation evaluate(WorldModel model, List<Episode> episodes, ProgressListener progress,
      Parallelism threads) {
    Iterator<Episode> it = episodes.iterator();
    return evaluate(model, () -> it.hasNext() ? it.next() : null, total(episodes), progress, threads);
  }

  /**
   * The evaluation of the episodes {@code source} yields, in shards on up to {@code threads} threads,
   * holding only the shards in flight; {@code total} is the number of transitions for progress (-1
   * when unknown). The same for any number of threads.
   */
  public static Evaluation evaluate(WorldModel model, EpisodeSource source, long total, ProgressListener progress,
      Parallelism threads) {
    EvaluationTally all = new EvaluationTally(model);
    if (threads.threads() == 1) {
      // Progress after every transition (a progress listener may stop the work at a deadline).
      long done = 0;
      for (Episode e; (e = source.next()) != null; ) {
        for (int k = 0; k < e.transitions(); k++) {
          all.add(e, k, k + 1);
          progress.progress(++done, total);
        }
      }
      return all.result(model);
    }
    long[] done = {0};
    threads.ordered(TransitionShards.of(source, shard -> {
      EvaluationTally tally = new EvaluationTally(model);
      tally.add(shard.episode(), shard.from(), shard.to());
      return tally;
    }), tally -> {
      all.absorb(tally);
      done[0] += tally.transitions();
      progress.progress(done[0], total);
    });
    return all.result(model);
  }

  /** The log-likelihood of every transition, in data order (for finding what a model explains worst). */
  public static List<TransitionScore> scoreTransitions(WorldModel model, List<Episode> episodes, ProgressListener progress) {
    Inference inference = model.newInference();
    List<TransitionScore> out = new ArrayList<>();
    long transitions = total(episodes);
    for (Episode episode : episodes) {
      List<Frame> frames = episode.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        double ll;
        try {
          ll = inference.logLikelihood(frames.get(k), frames.get(k + 1));
        } catch (LawException e) {
          throw e.at(episode.location(k));
        }
        out.add(new TransitionScore(episode, k, ll));
        progress.progress(out.size(), transitions);
      }
    }
    return out;
  }

  private static long total(List<Episode> episodes) {
    long n = 0;
    for (Episode e : episodes) {
      n += e.transitions();
    }
    return n;
  }

  static void compare(WorldSchema schema, Frame t, Frame next, Frame predicted, boolean[] occurs,
      boolean[] wrong, Map<String, AttributeScore> attributes, List<Map<String, AttributeScore>> typeAttributes) {
    for (int o : t.all()) {
      int type = t.type(o);
      occurs[type] = true;
      int id = t.id(o);
      int n = indexOf(next, id, type);
      int p = indexOf(predicted, id, type);
      if ((n >= 0) != (p >= 0)) {
        wrong[type] = true;
      }
      if (n < 0) {
        continue;
      }
      if (p >= 0 && (predicted.x(p) != next.x(n) || predicted.y(p) != next.y(n))) {
        wrong[type] = true;
      }
      EntityType et = schema.type(type);
      score(t, next, predicted, o, n, p, Slots.X, "x", attributes, typeAttributes.get(type));
      score(t, next, predicted, o, n, p, Slots.Y, "y", attributes, typeAttributes.get(type));
      List<AttributeSpec> extras = et.extras();
      for (int k = 0; k < extras.size(); k++) {
        score(t, next, predicted, o, n, p, Slots.FIRST_EXTRA + k, extras.get(k).name(), attributes,
            typeAttributes.get(type));
      }
    }
    List<Long> seen = newObjects(t, next, occurs);
    List<Long> expected = newObjects(t, predicted, occurs);
    if (!seen.equals(expected)) {
      List<Long> both = new ArrayList<>(seen);
      both.addAll(expected);
      for (long key : both) {
        int type = (int) (key >>> 48);
        wrong[type] |= !ofType(seen, type).equals(ofType(expected, type));
      }
    }
  }

  /**
   * Whether {@code predicted} gets {@code next} exactly right in the sense of the one-step exact-frame
   * accuracy, with {@code t} the recorded frame before {@code next}; adds the attribute cases to
   * {@code attributes}. Shared by the multi-step evaluation ({@link HorizonEvaluation}).
   */
  static boolean exactAndScore(WorldSchema schema, Frame t, Frame next, Frame predicted,
      Map<String, AttributeScore> attributes) {
    int types = schema.types().size();
    boolean[] occurs = new boolean[types];
    boolean[] wrong = new boolean[types];
    List<Map<String, AttributeScore>> typeAttributes = new ArrayList<>();
    for (int k = 0; k < types; k++) {
      typeAttributes.add(new HashMap<>());
    }
    compare(schema, t, next, predicted, occurs, wrong, attributes, typeAttributes);
    for (boolean w : wrong) {
      if (w) {
        return false;
      }
    }
    return next.undeclaredCount() == 0 || !hasNewUndeclared(t, next);
  }

  private static boolean hasNewUndeclared(Frame t, Frame next) {
    for (int k = 0; k < next.undeclaredCount(); k++) {
      if (dev.nomos.runtime.internal.Observations.appears(t, next, k)) {
        return true;
      }
    }
    return false;
  }

  private static List<Long> ofType(List<Long> keys, int type) {
    return keys.stream().filter(k -> (int) (k >>> 48) == type).toList();
  }

  private static void score(Frame t, Frame next, Frame predicted, int o, int n, int p, int slot, String name,
      Map<String, AttributeScore> all, Map<String, AttributeScore> ofType) {
    int now = t.get(o, slot);
    boolean moving = next.get(n, slot) != now || t.getAt(o, slot, 1) != now;
    if (!moving) {
      return;
    }
    boolean right = p >= 0 && predicted.get(p, slot) == next.get(n, slot);
    all.merge(name, new AttributeScore(right ? 1 : 0, 1), Metrics::add);
    ofType.merge(name, new AttributeScore(right ? 1 : 0, 1), Metrics::add);
  }

  private static AttributeScore add(AttributeScore a, AttributeScore b) {
    return new AttributeScore(a.correct() + b.correct(), a.total() + b.total());
  }

  /** Sorted (type, x, y) keys of the objects of {@code after} that are not in {@code t} with the same type. */
  private static List<Long> newObjects(Frame t, Frame after, boolean[] occurs) {
    List<Long> keys = new ArrayList<>();
    for (int n : after.all()) {
      int type = after.type(n);
      if (indexOf(t, after.id(n), type) < 0) {
        occurs[type] = true;
        keys.add(((long) type << 48) | ((after.x(n) & 0xffffffL) << 24) | (after.y(n) & 0xffffffL));
      }
    }
    keys.sort(null);
    return keys;
  }

  /** Index of the object with that id and type (binary search over the id-sorted order), or -1. */
  static int indexOf(Frame f, int id, int type) {
    int[] all = f.all();
    int lo = 0;
    int hi = all.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int midId = f.id(all[mid]);
      if (midId < id) {
        lo = mid + 1;
      } else if (midId > id) {
        hi = mid - 1;
      } else {
        return f.type(all[mid]) == type ? all[mid] : -1;
      }
    }
    return -1;
  }
}
