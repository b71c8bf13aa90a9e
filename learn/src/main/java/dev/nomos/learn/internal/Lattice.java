package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid a recording's objects sit on, if any: a cell size and an offset such that positions lie
 * on the lattice and sizes are whole cells (walls drawn as rectangles of several cells included).
 *
 * <p>The cell is the side of the square size that most entity types have as their usual size (in a
 * grid world the typical object fills one cell; in a pixel world sprites are rarely all square and
 * the same size). The offset is the most common remainder of x and of y modulo the cell. A world is
 * taken as a grid when at least half the entity types usually fill exactly one cell and at least
 * half of all object occurrences sit on the lattice with whole-cell sizes; the rest (sprites that
 * move between cells, odd sizes) is reported so that the declaration can say what was assumed.
 *
 * @param cell the cell size in the data's units (0 when there is no candidate)
 * @param offsetX,offsetY the lattice's offset, in 0..cell-1
 * @param alignedShare the share of object occurrences on the lattice with whole-cell sizes
 * @param offTypes the types with occurrences off the lattice, with their aligned share, in order
 *     of first appearance
 * @param rectangleTypes the types with sizes of several cells (walls as rectangles), in order
 * @param typesFillCells whether at least half the entity types usually fill one cell: the sizes
 *     look like a grid, whatever the positions say
 * @param reason why this is not a grid, or null when it is
 */
public record Lattice(int cell, int offsetX, int offsetY, double alignedShare, Map<String, Double> offTypes,
    List<String> rectangleTypes, boolean typesFillCells, String reason) {

  /** Share of entity types that must usually fill one cell. */
  static final double TYPE_SHARE = 0.5;
  /** Share of object occurrences that must sit on the lattice. */
  static final double ALIGNED_SHARE = 0.5;

  /** Whether the objects sit on a grid, so that {@code contact_gap 0} fits. */
  public boolean isGrid() {
    return reason == null;
  }

  /** Whether every object sits on the lattice with a whole-cell size. */
  public boolean isExact() {
    return isGrid() && offTypes.isEmpty();
  }

  /** Accumulates the boxes of a recording and finds its lattice. */
  public static final class Finder {
    private record Box(String type, int x, int y, int w, int h) {}

    private record Size(int w, int h) {}

    private final Map<Box, Long> boxes = new HashMap<>();
    private final Map<String, Map<Size, Long>> sizes = new LinkedHashMap<>();

    /** Counts one object occurrence. */
    public void add(String type, int x, int y, int w, int h) {
      boxes.merge(new Box(type, x, y, w, h), 1L, Long::sum);
      sizes.computeIfAbsent(type, k -> new HashMap<>()).merge(new Size(w, h), 1L, Long::sum);
    }

    /** The lattice of everything added so far. */
    public Lattice find() {
      if (sizes.isEmpty()) {
        return none(0, "no objects");
      }
      // The usual size of each type, and how many types usually fill a square of each side.
      Map<Integer, Integer> typesBySide = new HashMap<>();
      Map<Integer, Long> occurrencesBySide = new HashMap<>();
      for (Map<Size, Long> bySize : sizes.values()) {
        Size usual = null;
        for (Map.Entry<Size, Long> e : bySize.entrySet()) {
          if (usual == null || e.getValue() > bySize.get(usual)
              || e.getValue().equals(bySize.get(usual)) && area(e.getKey()) < area(usual)) {
            usual = e.getKey();
          }
        }
        if (usual.w() == usual.h() && usual.w() > 0) {
          typesBySide.merge(usual.w(), 1, Integer::sum);
          occurrencesBySide.merge(usual.w(), bySize.get(usual), Long::sum);
        }
      }
      if (typesBySide.isEmpty()) {
        return none(0, "no entity type is usually square, so no size looks like one cell");
      }
      int cell = 0;
      for (int side : typesBySide.keySet()) {
        if (cell == 0 || typesBySide.get(side) > typesBySide.get(cell)
            || typesBySide.get(side).equals(typesBySide.get(cell))
                && occurrencesBySide.get(side) > occurrencesBySide.get(cell)) {
          cell = side;
        }
      }
      int squareTypes = typesBySide.get(cell);
      int[] offset = offset(cell);
      Map<String, long[]> byType = new LinkedHashMap<>();
      for (String type : sizes.keySet()) {
        byType.put(type, new long[2]);
      }
      List<String> rectangles = new ArrayList<>();
      long aligned = 0;
      long total = 0;
      for (Map.Entry<Box, Long> e : boxes.entrySet()) {
        Box b = e.getKey();
        long n = e.getValue();
        boolean on = wholeCells(b, cell) && Math.floorMod(b.x() - offset[0], cell) == 0
            && Math.floorMod(b.y() - offset[1], cell) == 0;
        long[] counts = byType.get(b.type());
        counts[0] += on ? n : 0;
        counts[1] += n;
        aligned += on ? n : 0;
        total += n;
      }
      for (Map.Entry<String, Map<Size, Long>> t : sizes.entrySet()) {
        for (Size s : t.getValue().keySet()) {
          if (s.w() % cell == 0 && s.h() % cell == 0 && (s.w() != cell || s.h() != cell)) {
            rectangles.add(t.getKey());
            break;
          }
        }
      }
      Map<String, Double> off = new LinkedHashMap<>();
      for (Map.Entry<String, long[]> t : byType.entrySet()) {
        if (t.getValue()[0] < t.getValue()[1]) {
          off.put(t.getKey(), t.getValue()[0] / (double) t.getValue()[1]);
        }
      }
      double share = aligned / (double) total;
      String reason = null;
      boolean typesFillCells = squareTypes >= TYPE_SHARE * sizes.size();
      if (!typesFillCells) {
        reason = "only " + squareTypes + " of " + sizes.size() + " entity types usually fill one " + cell + "x" + cell
            + " cell";
      } else if (share < ALIGNED_SHARE) {
        reason = "only " + percent(share) + " of object occurrences sit on the lattice of " + cell + "-unit cells";
      }
      return new Lattice(cell, offset[0], offset[1], share, off, rectangles, typesFillCells, reason);
    }

    /** The most common remainders of x and y modulo the cell, among boxes of whole cells. */
    private int[] offset(int cell) {
      Map<Integer, Long> xs = new HashMap<>();
      Map<Integer, Long> ys = new HashMap<>();
      for (Map.Entry<Box, Long> e : boxes.entrySet()) {
        Box b = e.getKey();
        if (wholeCells(b, cell)) {
          xs.merge(Math.floorMod(b.x(), cell), e.getValue(), Long::sum);
          ys.merge(Math.floorMod(b.y(), cell), e.getValue(), Long::sum);
        }
      }
      return new int[] {mode(xs), mode(ys)};
    }

    private static int mode(Map<Integer, Long> counts) {
      int best = 0;
      long bestCount = -1;
      for (Map.Entry<Integer, Long> e : counts.entrySet()) {
        if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() < best) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      return best;
    }

    private static boolean wholeCells(Box b, int cell) {
      return b.w() % cell == 0 && b.h() % cell == 0;
    }

    private static long area(Size s) {
      return (long) s.w() * s.h();
    }

    private static Lattice none(int cell, String reason) {
      return new Lattice(cell, 0, 0, 0, Map.of(), List.of(), false, reason);
    }
  }

  /** A share as a whole percentage, never rounded up to 100 or down to 0. */
  public static String percent(double share) {
    long p = Math.round(share * 100);
    if (p == 100 && share < 1) {
      p = 99;
    } else if (p == 0 && share > 0) {
      p = 1;
    }
    return p + "%";
  }
}
