package dev.nomos.runtime.internal;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import java.util.List;

/**
 * Which floor channel ({@link Floor#channels} index) a target belongs to, and the mixture
 * {@code log((1 - ε) p + ε / N)} that the floor puts on a target's probability.
 */
public final class FloorChannels {
  private static final int ALIVE = 0;
  private static final int X = 1;
  private static final int Y = 2;
  private static final int SPAWN = 3;
  private static final int REWARD = 4;
  private static final int END = 5;

  private final int count;
  private final int[][] extraChannel;

  public FloorChannels(WorldSchema schema) {
    List<String> channels = Floor.channels(schema);
    this.count = channels.size();
    this.extraChannel = new int[schema.types().size()][];
    for (EntityType type : schema.types()) {
      int[] map = new int[type.extras().size()];
      for (int k = 0; k < map.length; k++) {
        map[k] = channels.indexOf(type.extras().get(k).name());
      }
      extraChannel[type.index()] = map;
    }
  }

  public int count() {
    return count;
  }

  /**
   * The channel of a target of an object of {@code type} at {@code offset} (0 ALIVE, 1 X, 2 Y, 3+
   * extras), of a spawn target when {@code offset} is -1, or of the world's reward or end
   * ({@link Partitions#REWARD_OFFSET}, {@link Partitions#END_OFFSET}; {@code type} is then ignored).
   */
  public int channel(int type, int offset) {
    return switch (offset) {
      case Partitions.REWARD_OFFSET -> REWARD;
      case Partitions.END_OFFSET -> END;
      case -1 -> SPAWN;
      case 0 -> ALIVE;
      case 1 -> X;
      case 2 -> Y;
      default -> extraChannel[type][offset - 3];
    };
  }

  /**
   * {@code log((1 - eps) exp(logPoe) + eps / size)}, computed without underflow; exactly
   * {@code logPoe} when {@code eps} is 0.
   */
  public static double mix(double logPoe, double eps, double logSize) {
    if (eps == 0) {
      return logPoe;
    }
    return mix(logPoe, Math.log1p(-eps), Math.log(eps), logSize);
  }

  /**
   * {@link #mix(double, double, double)} for an {@code eps > 0} given as {@code logKeep = log1p(-eps)}
   * and {@code logEps = log(eps)}, which a caller scoring many targets of one channel works out once:
   * the same value, bit for bit.
   */
  public static double mix(double logPoe, double logKeep, double logEps, double logSize) {
    double a = logKeep + logPoe;
    double b = logEps - logSize;
    double max = Math.max(a, b);
    return max + Math.log1p(Math.exp(Math.min(a, b) - max));
  }
}
