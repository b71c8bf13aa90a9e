package dev.nomos.runtime.trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives objects stable ids across the records of an episode when the recording has none, the way
 * PoE-World does: an object of record t+1 continues an object of record t of the same type whose
 * position differs by at most the velocity range on each axis; among all such candidate pairs the
 * closest (squared Euclidean distance of the top-left corners) are matched first, greedily, with
 * ties broken by the earlier object of record t and then the earlier object of record t+1 (file
 * order), so the result is deterministic. Objects left unmatched get fresh ids, counting up from one
 * more than the largest id the episode has used. The first record of an episode numbers its objects
 * 1, 2, ... in file order.
 *
 * <p>Records that already carry ids pass through unchanged (their ids are still remembered, so a later
 * record without ids continues them). Feed the records of a file in order through {@link #track};
 * the tracker notices a new episode by the record's {@code episode} number.
 */
public final class Tracker {
  private final int velocityMin;
  private final int velocityMax;
  private boolean started;
  private int episode;
  private int nextId;
  private StepRecord previous;

  /** @param velocityMin,velocityMax the world's per-step displacement range on each axis */
  public Tracker(int velocityMin, int velocityMax) {
    if (velocityMin > velocityMax) {
      throw new IllegalArgumentException("empty velocity range " + velocityMin + ".." + velocityMax);
    }
    this.velocityMin = velocityMin;
    this.velocityMax = velocityMax;
  }

  /** The record with ids on every object (the record itself when it already had them). */
  public StepRecord track(StepRecord record) {
    if (!started || record.episode() != episode) {
      started = true;
      episode = record.episode();
      nextId = 1;
      previous = null;
    }
    List<ObjectState> objects = record.objects();
    StepRecord out;
    if (objects.isEmpty() || objects.get(0).id() != null) {
      out = record;
    } else if (previous == null) {
      List<ObjectState> numbered = new ArrayList<>(objects.size());
      for (ObjectState o : objects) {
        numbered.add(o.withId(nextId++));
      }
      out = withObjects(record, numbered);
    } else {
      out = withObjects(record, match(previous.objects(), objects));
    }
    for (ObjectState o : out.objects()) {
      nextId = Math.max(nextId, o.id() + 1);
    }
    previous = out;
    return out;
  }

  /**
   * Candidate pairs one step may weigh: 4 million (32 MB). Thousands of id-less objects of one type
   * crowded within one velocity range of each other would otherwise pair quadratically (20,000
   * objects, 400 million pairs); such a record is refused, naming the limit.
   */
  public static final int MAX_CANDIDATE_PAIRS = 1 << 22;

  private List<ObjectState> match(List<ObjectState> before, List<ObjectState> now) {
    // Objects of record t by type and velocity-sized cell: each object of t+1 looks at the (at most
    // four) cells its candidates can lie in, so sparse records match in linear time.
    int span = velocityMax - velocityMin + 1;
    Map<Cell, List<Integer>> cells = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      ObjectState b = before.get(i);
      cells.computeIfAbsent(new Cell(b.type(), Math.floorDiv(b.x(), span), Math.floorDiv(b.y(), span)),
          k -> new ArrayList<>()).add(i);
    }
    // Candidate pairs packed as (distance, before index, now index) for one deterministic sort.
    int nb = before.size();
    int nn = now.size();
    long[] pairs = new long[Math.min(Math.max(nb, nn) * 2 + 16, 1 << 20)];
    int count = 0;
    for (int j = 0; j < nn; j++) {
      ObjectState o = now.get(j);
      long fromX = Math.floorDiv((long) o.x() - velocityMax, span);
      long fromY = Math.floorDiv((long) o.y() - velocityMax, span);
      for (long cx = fromX; cx <= Math.floorDiv((long) o.x() - velocityMin, span); cx++) {
        for (long cy = fromY; cy <= Math.floorDiv((long) o.y() - velocityMin, span); cy++) {
          List<Integer> inCell = cx != (int) cx || cy != (int) cy ? null
              : cells.get(new Cell(o.type(), (int) cx, (int) cy));
          if (inCell == null) {
            continue;
          }
          for (int i : inCell) {
            ObjectState b = before.get(i);
            long dx = (long) o.x() - b.x();
            long dy = (long) o.y() - b.y();
            if (dx < velocityMin || dx > velocityMax || dy < velocityMin || dy > velocityMax) {
              continue;
            }
            if (count == pairs.length) {
              if (count >= MAX_CANDIDATE_PAIRS) {
                throw new IllegalArgumentException("tracker limit: objects without ids crowd so closely that more than "
                    + MAX_CANDIDATE_PAIRS + " pairs could continue one another (" + nb + " and " + nn
                    + " objects); give the objects ids");
              }
              pairs = Arrays.copyOf(pairs, Math.min(pairs.length * 2, MAX_CANDIDATE_PAIRS));
            }
            pairs[count++] = encode(dx * dx + dy * dy, i, j);
          }
        }
      }
    }
    Arrays.sort(pairs, 0, count);
    boolean[] usedBefore = new boolean[nb];
    Integer[] ids = new Integer[nn];
    for (int k = 0; k < count; k++) {
      int i = beforeIndex(pairs[k]);
      int j = nowIndex(pairs[k]);
      if (!usedBefore[i] && ids[j] == null) {
        usedBefore[i] = true;
        ids[j] = before.get(i).id();
      }
    }
    List<ObjectState> out = new ArrayList<>(nn);
    for (int j = 0; j < nn; j++) {
      out.add(now.get(j).withId(ids[j] != null ? ids[j] : nextId++));
    }
    return out;
  }

  // Distances fit in 31 bits for any sane velocity range; indexes in 16 bits each.
  private static long encode(long d2, int i, int j) {
    if (i >= (1 << 16) || j >= (1 << 16) || d2 >= (1L << 31)) {
      throw new IllegalArgumentException("tracker limit: at most 65535 objects per record and velocity below 32768");
    }
    return (d2 << 32) | ((long) i << 16) | j;
  }

  private static int beforeIndex(long pair) {
    return (int) ((pair >>> 16) & 0xffff);
  }

  private static int nowIndex(long pair) {
    return (int) (pair & 0xffff);
  }

  /** Objects of one type whose top-left corners fall in one velocity-sized square. */
  private record Cell(String type, int cx, int cy) {}

  private static StepRecord withObjects(StepRecord r, List<ObjectState> objects) {
    return new StepRecord(r.episode(), r.t(), r.action(), r.reward(), r.done(), objects);
  }
}
