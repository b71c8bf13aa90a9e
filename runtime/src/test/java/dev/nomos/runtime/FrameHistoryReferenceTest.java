package dev.nomos.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every history read of frames built one after another, branching and with swapped actions, against
 * a plain model of the same frames: each frame's objects by id and its parent, with the window of
 * {@link Frame#MAX_HISTORY} frames behind it whose oldest reads as having no frame before it. This
 * is what history reads gave when every new frame copied its history; frames now share it.
 */
class FrameHistoryReferenceTest {
  private static final WorldSchema WORLD = new WorldSchema("W", 100, 100, -3, 3, List.of("A", "B", "C"),
      List.of(new EntityType("Ball", 0, List.of(AttributeSpec.ofInt("hp", 0, 9))),
          new EntityType("Wall", 1, List.of())));

  /** The model of one frame: its objects by id (type, then slots), its action and its parent. */
  private record Node(Map<Integer, int[]> objects, Map<Integer, Integer> types, int action, Node parent) {
    Node ancestor(int d) {
      Node n = this;
      for (int k = 0; k < d && n != null; k++) {
        n = n.parent;
      }
      return n;
    }

    int depth() {
      int d = 0;
      while (d < Frame.MAX_HISTORY && ancestor(d + 1) != null) {
        d++;
      }
      return d;
    }

    boolean has(int id) {
      return objects.containsKey(id);
    }
  }

  @Test
  void historyReadsEqualThoseOfAPlainModel() {
    SplittableRandom random = new SplittableRandom(7);
    for (int episode = 0; episode < 20; episode++) {
      List<Frame> frames = new ArrayList<>();
      List<Node> nodes = new ArrayList<>();
      Frame frame = null;
      Node node = null;
      for (int t = 0; t < 60; t++) {
        if (frame != null && random.nextInt(6) == 0) {
          // Branch: continue from an earlier frame, sometimes under another action.
          int back = random.nextInt(frames.size());
          frame = frames.get(back);
          node = nodes.get(back);
          if (random.nextBoolean()) {
            int action = random.nextInt(3);
            frame = frame.withAction(action);
            node = new Node(node.objects, node.types, action, node.parent);
          }
        }
        Frame.Builder b = Frame.builder(WORLD).previous(frame).action(random.nextInt(3));
        Map<Integer, int[]> objects = new HashMap<>();
        Map<Integer, Integer> types = new HashMap<>();
        for (int id = 1; id <= 10; id++) {
          if (random.nextInt(4) == 0) {
            continue;
          }
          // Ids 1..6 are balls, the rest walls; an id never changes type.
          int type = id <= 6 ? 0 : 1;
          int[] slots = type == 0
              ? new int[] {random.nextInt(40), random.nextInt(40), 1, 1, random.nextInt(10)}
              : new int[] {random.nextInt(40), random.nextInt(40), 2, 2};
          b.add(id, type, slots);
          objects.put(id, slots);
          types.put(id, type);
        }
        Frame built = b.build();
        node = new Node(objects, types, built.action(), node);
        frame = built;
        frames.add(frame);
        nodes.add(node);
        check(frame, node);
      }
      // Frames read the same long after they were built, and so do their views of earlier frames,
      // whose windows end where the frame's does.
      for (int k = 0; k < frames.size(); k++) {
        Frame f = frames.get(k);
        Node n = nodes.get(k);
        check(f, n);
        for (int back = 1; back <= f.historyDepth(); back++) {
          check(f.back(back), n.ancestor(back), n.depth() - back);
        }
      }
    }
  }

  private static void check(Frame f, Node n) {
    check(f, n, n.depth());
  }

  /** Checks frame {@code f} against node {@code n}, whose window reaches {@code depth} frames back. */
  private static void check(Frame f, Node n, int depth) {
    assertEquals(depth, f.historyDepth());
    assertNull(f.back(depth + 1));
    assertNull(f.back(-1));
    for (int k = 0; k <= Frame.MAX_HISTORY + 2; k++) {
      Node then = k <= depth ? n.ancestor(k) : null;
      assertEquals(then == null ? -1 : then.action, f.actionAt(k), "actionAt " + k);
      if (then != null) {
        Frame back = f.back(k);
        assertEquals(then.objects.size(), back.size());
        assertEquals(depth - k, back.historyDepth());
        assertEquals(then.action, back.action());
      }
    }
    for (int o = 0; o < f.size(); o++) {
      int id = f.id(o);
      assertEquals(age(n, id), f.age(o), "age of " + id);
      for (int k = 0; k <= Frame.MAX_HISTORY + 2; k++) {
        // Clamp: walk back while the frame before is kept and holds the object.
        int d = 0;
        while (d < k && d < depth && n.ancestor(d + 1).has(id)) {
          d++;
        }
        Node at = n.ancestor(d);
        boolean moved = d < depth && n.ancestor(d + 1).has(id);
        for (int slot = 0; slot < at.objects.get(id).length; slot++) {
          assertEquals(at.objects.get(id)[slot], f.getAt(o, slot, k), "getAt " + id + " " + slot + " " + k);
        }
        int vx = moved ? at.objects.get(id)[Slots.X] - n.ancestor(d + 1).objects.get(id)[Slots.X] : 0;
        int vy = moved ? at.objects.get(id)[Slots.Y] - n.ancestor(d + 1).objects.get(id)[Slots.Y] : 0;
        assertEquals(vx, f.vxAt(o, k), "vxAt " + id + " " + k);
        assertEquals(vy, f.vyAt(o, k), "vyAt " + id + " " + k);
        // indexBack: the object in t-k only when present in every frame from t-k to t.
        boolean throughout = k <= depth;
        for (int j = 1; j <= k && throughout; j++) {
          throughout = n.ancestor(j).has(id);
        }
        int index = f.indexBack(o, k);
        if (throughout) {
          assertEquals(id, f.back(k).id(index), "indexBack " + id + " " + k);
        } else {
          assertEquals(-1, index, "indexBack " + id + " " + k);
        }
      }
      assertEquals(depth > 0 && n.parent.has(id) ? n.parent.objects.get(id)[Slots.X] : f.x(o),
          f.x(o) - f.vx(o), "vx of " + id);
      int p = f.previousIndex(o);
      assertEquals(depth > 0 && n.parent.has(id), p >= 0);
    }
  }

  /** Frames the object has been present in without a gap, minus one, over the whole lineage. */
  private static int age(Node n, int id) {
    int age = 0;
    for (Node p = n.parent; p != null && p.has(id); p = p.parent) {
      age++;
    }
    return age;
  }
}
