package dev.nomos.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.TransitionShards;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Evaluation cut into shards, on threads or merged from serialized tallies, equals one pass. */
class ShardedEvaluationTest {
  static final WorldSchema WORLD = new WorldSchema("Walk", 40, 10, -2, 2, List.of("LEFT", "RIGHT"),
      List.of(new EntityType("Walker", 0, List.of())));

  /** A walker steps left or right at random; the law gets it right only with RIGHT. */
  static List<Episode> episodes(int count, int length) {
    SplittableRandom random = new SplittableRandom(3);
    List<Episode> out = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      List<Frame> frames = new ArrayList<>();
      Frame previous = null;
      int x = 20;
      for (int k = 0; k < length; k++) {
        int action = random.nextInt(2);
        previous = Frame.builder(WORLD).previous(previous).action(action).add(1, 0, x, 5, 1, 1).build();
        frames.add(previous);
        x = Math.max(0, Math.min(39, x + (action == 1 ? 1 : -1)));
      }
      int[] lines = new int[frames.size()];
      Arrays.setAll(lines, k -> k + 1);
      out.add(new Episode(null, e, frames, lines));
    }
    return out;
  }

  static Law law(String name, BiConsumer<Frame, OpinionSink> body) {
    return new Law() {
      @Override public String name() { return name; }
      @Override public void apply(Frame frame, OpinionSink out) { body.accept(frame, out); }
    };
  }

  @Test
  void shardsAndThreadsGiveTheEvaluationOfOnePass() throws Exception {
    WorldModel model = WorldModel.of(WORLD, List.of(law("steps_right", (f, out) -> {
      for (int w : f.ofType(0)) {
        out.exact(w, Slots.X, f.x(w) + 1);
        out.exact(w, Slots.Y, f.y(w));
      }
    })));
    // Longer than a shard, so that episodes are cut inside.
    List<Episode> data = episodes(3, TransitionShards.SIZE + 700);
    Evaluation serial = Metrics.evaluate(model, data, ProgressListener.NONE);
    Evaluation threads = Metrics.evaluate(model, data, ProgressListener.NONE, Parallelism.of(3));
    assertEquals(serial, threads);
    EvaluationTally merged = new EvaluationTally(model);
    for (Episode e : data) {
      for (int from = 0; from < e.transitions(); from += 301) {
        EvaluationTally part = new EvaluationTally(model);
        part.add(e, from, Math.min(e.transitions(), from + 301));
        merged.absorb(roundTrip(part));
      }
    }
    assertEquals(serial, merged.result(model));
    assertTrue(serial.exactFrameAccuracy() > 0.3 && serial.exactFrameAccuracy() < 0.7, "some right, some wrong");
    assertTrue(serial.lawFirings().get("steps_right") >= 3L * (TransitionShards.SIZE + 699), "fired on every transition");
  }

  private static EvaluationTally roundTrip(EvaluationTally tally) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tally);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (EvaluationTally) in.readObject();
    }
  }
}
