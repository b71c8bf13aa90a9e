package dev.nomos.bench;

import java.util.ArrayList;
import java.util.List;

/** The workloads shared by the JMH benchmarks, {@code nomos bench} and the tests. */
public final class Workloads {
  /** Laws in the Pong-scale model (PoE-World's Pong model has 402 experts). */
  public static final int PONG_LAWS = 400;
  /** Laws in the Montezuma-scale model (PoE-World's has about 450 experts over 58 objects). */
  public static final int MONTEZUMA_LAWS = 450;

  private Workloads() {}

  /** About 400 Pong laws over 7 objects. */
  public static Workload pong() {
    return new Workload("pong", PongLaws.source(PongLaws.specs(PONG_LAWS)), Trajectories::pong);
  }

  /** About 450 Montezuma laws over 58 objects. */
  public static Workload montezuma() {
    return new Workload("montezuma", MontezumaLaws.source(MONTEZUMA_LAWS), Trajectories::montezuma);
  }

  /** {@code count} Pong-shaped laws (templates reused under fresh names), to time compilation. */
  public static String manyLaws(int count) {
    List<PongLaws.Spec> unique = PongLaws.specs(Integer.MAX_VALUE);
    List<PongLaws.Spec> specs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      specs.add(unique.get(i % unique.size()));
    }
    return PongLaws.source(specs);
  }
}
