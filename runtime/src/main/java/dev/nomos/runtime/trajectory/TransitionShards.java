package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.Parallelism;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Cuts the transitions of a stream of episodes into shards of at most {@link #SIZE} consecutive
 * transitions of one episode, in data order, as tasks for {@link Parallelism#ordered}. The cut
 * depends on the data only, so work reduced shard by shard in order gives the same numbers for any
 * number of threads.
 */
public final class TransitionShards {
  /** Transitions per shard: enough to keep a thread busy, few enough that the shards in flight stay small. */
  public static final int SIZE = 2048;

  private TransitionShards() {}

  /** Transitions {@code from} (inclusive) to {@code to} (exclusive) of an episode. */
  public record Shard(Episode episode, int from, int to) {}

  /** One task per shard of the episodes of {@code source}, each running {@code work} on its shard. */
  public static <R> Parallelism.TaskSource<R> of(EpisodeSource source, Function<Shard, R> work) {
    return new Parallelism.TaskSource<>() {
      private Episode episode;
      private int from;

      @Override
      public Callable<R> next() {
        while (episode == null || from >= episode.transitions()) {
          episode = source.next();
          from = 0;
          if (episode == null) {
            return null;
          }
        }
        Shard shard = new Shard(episode, from, Math.min(episode.transitions(), from + SIZE));
        from = shard.to();
        return () -> work.apply(shard);
      }
    };
  }
}
