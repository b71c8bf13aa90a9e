package dev.nomos.bench;

import java.util.ArrayList;
import java.util.List;

/** The workloads shared by the JMH benchmarks, {@code nomos bench} and the tests. */
public final class Workloads {
  /** Laws in the Pong-scale model (PoE-World's Pong model has 402 experts). */
  public static final int PONG_LAWS = 400;
  /** Laws in the Montezuma-scale model (PoE-World's has about 450 experts over 58 objects). */
  public static final int MONTEZUMA_LAWS = 450;

  /** Laws in the 300-object workload. */
  public static final int CROWD_LAWS = 400;

  private Workloads() {}

  /** About 400 Pong laws over 7 objects. */
  public static Workload pong() {
    return new Workload("pong", PongLaws.source(PongLaws.specs(PONG_LAWS)), Trajectories::pong);
  }

  /** About 450 Montezuma laws over 58 objects. */
  public static Workload montezuma() {
    return new Workload("montezuma", MontezumaLaws.source(MONTEZUMA_LAWS), Trajectories::montezuma);
  }

  /** About 400 laws over 300 objects, most of them contact laws between populous types. */
  public static Workload crowd() {
    return crowd(CROWD_LAWS);
  }

  /** The 300-object workload with {@code laws} laws (the scaling table varies it). */
  public static Workload crowd(int laws) {
    return new Workload("crowd", CrowdLaws.source(laws), Trajectories::crowd);
  }

  /** The Montezuma-scale workload with {@code laws} laws. */
  public static Workload montezuma(int laws) {
    return new Workload("montezuma", MontezumaLaws.source(laws), Trajectories::montezuma);
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
