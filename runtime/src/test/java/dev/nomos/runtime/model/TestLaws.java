package dev.nomos.runtime.model;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import java.util.function.BiConsumer;

/** Laws written directly in Java for tests. */
public final class TestLaws {
  private TestLaws() {}

  public static Law law(String name, BiConsumer<Frame, OpinionSink> body) {
    return new Law() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void apply(Frame frame, OpinionSink out) {
        body.accept(frame, out);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
