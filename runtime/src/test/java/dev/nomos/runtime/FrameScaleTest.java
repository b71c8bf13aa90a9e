package dev.nomos.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames of a million objects build in near-linear time, and still refuse duplicate ids. */
class FrameScaleTest {
  private static final WorldSchema WORLD = new WorldSchema("W", 100, 100, -1, 1, List.of("NOOP"),
      List.of(new EntityType("Ball", 0, List.of())), 1);

  private static Frame frame(int n, int idOffset, Frame previous) {
    Frame.Builder b = Frame.builder(WORLD).previous(previous);
    for (int i = 0; i < n; i++) {
      b.add(n - i + idOffset, 0, i % 100, i % 97, 1, 1);
    }
    return b.build();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aMillionObjectsWithHistory() {
    Frame first = frame(1_000_000, 0, null);
    Frame second = frame(1_000_000, 500_000, first);
    assertEquals(1_000_000, second.size());
    int object = second.indexOfId(600_000);
    assertEquals(600_000, second.id(object));
    assertEquals(600_000, first.id(second.previousIndex(object)));
    assertEquals(-1, second.previousIndex(second.indexOfId(1_500_000)));
    assertEquals(-1, second.indexOfId(7));
  }

  @Test
  void duplicateIdsAreRefusedInSmallAndLargeFrames() {
    for (int n : new int[] {3, 10_000}) {
      Frame.Builder b = Frame.builder(WORLD);
      for (int i = 1; i <= n; i++) {
        b.add(i, 0, 0, 0, 1, 1);
      }
      assertThrows(IllegalArgumentException.class, () -> b.add(n / 2 + 1, 0, 0, 0, 1, 1));
      assertThrows(IllegalArgumentException.class, () -> b.addUndeclared(1, "Ghost"));
    }
  }
}
