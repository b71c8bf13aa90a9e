package dev.nomos.worlds;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.List;
import java.util.function.BiConsumer;

/** Test helpers over recorded trajectories. */
final class Records {
  private Records() {}

  static ObjectState first(StepRecord r, String type) {
    return r.objects().stream().filter(o -> o.type().equals(type)).findFirst().orElse(null);
  }

  static ObjectState byId(StepRecord r, int id) {
    return r.objects().stream().filter(o -> o.id() == id).findFirst().orElse(null);
  }

  static List<ObjectState> all(StepRecord r, String type) {
    return r.objects().stream().filter(o -> o.type().equals(type)).toList();
  }

  /** Same overlap-or-shared-edge test as the worlds (stdlib touching with contact_gap 0). */
  static boolean touching(ObjectState a, ObjectState b) {
    int gx = Math.max(b.x() - (a.x() + a.w()), a.x() - (b.x() + b.w()));
    int gy = Math.max(b.y() - (a.y() + a.h()), a.y() - (b.y() + b.h()));
    return (gx <= 0 && gy < 0) || (gy <= 0 && gx < 0);
  }

  /** Calls {@code check} with (t-1, t, t+1) for every three consecutive records of one episode. */
  static void triples(List<StepRecord> records, TripleCheck check) {
    for (int i = 2; i < records.size(); i++) {
      StepRecord a = records.get(i - 2);
      StepRecord b = records.get(i - 1);
      StepRecord c = records.get(i);
      if (a.episode() == c.episode()) {
        check.accept(a, b, c);
      }
    }
  }

  static void pairs(List<StepRecord> records, BiConsumer<StepRecord, StepRecord> check) {
    for (int i = 1; i < records.size(); i++) {
      if (records.get(i - 1).episode() == records.get(i).episode()) {
        check.accept(records.get(i - 1), records.get(i));
      }
    }
  }

  @FunctionalInterface
  interface TripleCheck {
    void accept(StepRecord previous, StepRecord now, StepRecord next);
  }
}
