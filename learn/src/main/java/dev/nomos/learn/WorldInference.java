package dev.nomos.learn;

import dev.nomos.learn.internal.AttributeSummary;
import dev.nomos.learn.internal.EnvironmentName;
import dev.nomos.learn.internal.Lattice;
import dev.nomos.learn.internal.SharedSymbolTypes;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.Tracker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers a world declaration from recorded steps, for {@code nomos init}, guessing what a careful
 * person would declare for data the recordings have not shown yet:
 *
 * <ul>
 *   <li>entity types in order of first appearance, over all recordings, with their extra attributes
 *       ({@link AttributeSummary}: ints with room to grow, bools, symbol sets);
 *   <li>one {@code enum} for symbol attributes that take their values from one set
 *       ({@link SharedSymbolTypes}), declared once and named as the attributes' type;
 *   <li>the actions in the order the data first takes them (or as given);
 *   <li>the screen (the largest right and bottom edge, rounded up to whole cells on a grid);
 *   <li>the velocity range: the largest per-step displacement of a tracked object plus a quarter
 *       (at least 1), rounded up to whole cells on an exact grid; jumps over half the screen are
 *       taken as teleports and left out;
 *   <li>{@code contact_gap 0} when the objects sit on a grid ({@link Lattice}), with a comment
 *       saying which lattice was found, or why there is none.
 * </ul>
 */
public final class WorldInference {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS = Set.of("use", "world", "screen", "velocity", "actions", "entity", "law",
      "weight", "constraint", "for", "on", "when", "then", "destroy", "spawn", "at", "if", "else", "and", "or", "not",
      "in", "exists", "count", "all", "any", "where", "true", "false", "action", "int", "bool", "one_of", "range",
      "weighted", "step", "seq", "after", "Object");

  /** One file's records, in file order; {@code name} names it in messages and in the header. */
  public record Recording(String name, List<StepRecord> records) {
    public Recording {
      records = List.copyOf(records);
    }
  }

  /** The declaration's text, and what the user should know about the guesses it holds. */
  public record InferredWorld(String text, List<String> warnings) {
    public InferredWorld {
      warnings = List.copyOf(warnings);
    }
  }

  private WorldInference() {}

  /**
   * The world name for recordings in these files: the environment's part of the first file's name
   * ({@code MiniGrid-DoorKey-5x5-v0_seed1000_train.jsonl.gz} gives {@code MiniGridDoorKey5x5},
   * {@code zelda_lvl1_train.jsonl.gz} gives {@code Zelda}); see {@link EnvironmentName}.
   */
  public static String nameFor(List<Path> files) {
    String name = EnvironmentName.of(files);
    return KEYWORDS.contains(name) ? name + "World" : name;
  }

  /**
   * The world declaration of the recordings, with the actions in the order the data first shows
   * them.
   *
   * @throws IllegalArgumentException when a name in the data cannot be a Nomos name, or an attribute
   *     changes kind; the message names the recording, the record and the field
   */
  public static InferredWorld infer(List<Recording> recordings, String name) {
    return infer(recordings, name, null);
  }

  /**
   * The world declaration of the recordings.
   *
   * @param actions the declared actions in order (a Gymnasium {@code Discrete} space's, say), or null
   *     for the actions the data shows, in the order it first shows them
   * @throws IllegalArgumentException when a name in the data cannot be a Nomos name, an attribute
   *     changes kind, or the data takes an action {@code actions} lacks
   */
  public static InferredWorld infer(List<Recording> recordings, String name, List<String> actions) {
    return infer(recordings, name, actions, true);
  }

  /**
   * As {@link #infer(List, String, List)}; {@code sharedTypes} false gives every symbol attribute a set of
   * its own, as seen, instead of declaring shared symbol types.
   */
  public static InferredWorld infer(List<Recording> recordings, String name, List<String> actions,
      boolean sharedTypes) {
    Map<String, Map<String, AttributeSummary>> types = new LinkedHashMap<>();
    Set<String> seenActions = new LinkedHashSet<>();
    Lattice.Finder finder = new Lattice.Finder();
    int width = 1;
    int height = 1;
    int records = 0;
    int episodes = 0;
    for (Recording rec : recordings) {
      int lastEpisode = Integer.MIN_VALUE;
      for (int r = 0; r < rec.records().size(); r++) {
        StepRecord step = rec.records().get(r);
        records++;
        if (step.episode() != lastEpisode) {
          episodes++;
          lastEpisode = step.episode();
        }
        if (step.action() != null) {
          seenActions.add(checkedName(step.action(), "action", rec, r));
        }
        for (ObjectState o : step.objects()) {
          Map<String, AttributeSummary> attrs =
              types.computeIfAbsent(checkedName(o.type(), "type", rec, r), k -> new LinkedHashMap<>());
          width = Math.max(width, o.x() + o.w());
          height = Math.max(height, o.y() + o.h());
          finder.add(o.type(), o.x(), o.y(), o.w(), o.h());
          for (Map.Entry<String, Object> e : o.attributes().entrySet()) {
            String attr = checkedName(e.getKey(), "attribute of " + o.type(), rec, r);
            Object value = e.getValue();
            if (value instanceof String s) {
              checkedName(s, "symbol of " + o.type() + "." + attr, rec, r);
            }
            String clash = attrs.computeIfAbsent(attr, k -> new AttributeSummary()).add(value);
            if (clash != null) {
              throw new IllegalArgumentException(where(rec, r) + "attribute " + attr + " of " + o.type() + " " + clash);
            }
          }
        }
      }
    }
    Lattice lattice = finder.find();
    if (lattice.isGrid()) {
      // A sprite between cells stops short of the last cell's edge; the screen is whole cells.
      width = wholeCells(width, lattice.offsetX(), lattice.cell());
      height = wholeCells(height, lattice.offsetY(), lattice.cell());
    }
    int largestStep = 0;
    for (Recording rec : recordings) {
      largestStep = Math.max(largestStep, followObjects(rec, types, width, height));
    }
    int vmax = velocityBound(largestStep, lattice);
    List<String> declaredActions = declaredActions(actions, seenActions);

    List<String> warnings = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    String origin = String.join(", ", recordings.stream().map(Recording::name).toList());
    out.append("/// Inferred by `nomos init` from ").append(origin).append(" (").append(records)
        .append(records == 1 ? " record, " : " records, ").append(episodes).append(episodes == 1 ? " episode" : " episodes")
        .append(").\n");
    out.append("world ").append(name).append(" {\n");
    out.append("  screen ").append(width).append(" x ").append(height).append('\n');
    out.append("  velocity ").append(-vmax).append("..").append(vmax)
        .append("  // largest step seen: ").append(largestStep).append('\n');
    for (String line : latticeComment(lattice)) {
      out.append("  // ").append(line).append('\n');
    }
    if (lattice.isGrid()) {
      out.append("  contact_gap 0\n");
    } else if (lattice.typesFillCells()) {
      warnings.add("no contact_gap 0: the objects' sizes look like a grid of " + lattice.cell() + "-unit cells, but "
          + lattice.reason() + "; declare `contact_gap 0` if contact needs shared edges");
    }
    if (lattice.isGrid() && !lattice.isExact()) {
      warnings.add("contact_gap 0, although objects of " + String.join(", ", lattice.offTypes().keySet())
          + " leave the lattice of " + lattice.cell() + "-unit cells (see the comment in the declaration)");
    }
    out.append("  actions ").append(declaredActions.isEmpty() ? "NOOP" : String.join(", ", declaredActions)).append('\n');
    Map<String, String> sharedTypeOf = new LinkedHashMap<>();
    for (SharedSymbolTypes.SharedType shared : sharedTypes ? SharedSymbolTypes.find(types)
        : List.<SharedSymbolTypes.SharedType>of()) {
      out.append("  // shared by ").append(String.join(", ", shared.members())).append('\n');
      out.append("  enum ").append(shared.name()).append(" { ").append(String.join(", ", shared.symbols()))
          .append(" }\n");
      shared.members().forEach(m -> sharedTypeOf.put(m, shared.name()));
    }
    for (Map.Entry<String, Map<String, AttributeSummary>> t : types.entrySet()) {
      out.append("  entity ").append(t.getKey());
      List<String> widened = new ArrayList<>();
      if (!t.getValue().isEmpty()) {
        List<String> attrs = new ArrayList<>();
        for (Map.Entry<String, AttributeSummary> a : t.getValue().entrySet()) {
          String shared = sharedTypeOf.get(t.getKey() + "." + a.getKey());
          attrs.add(a.getKey() + ": " + (shared != null ? shared : a.getValue().declaration()));
          if (a.getValue().widened() != null) {
            widened.add(a.getKey() + " " + a.getValue().widened());
          }
        }
        out.append(" { ").append(String.join(", ", attrs)).append(" }");
      }
      if (!widened.isEmpty()) {
        out.append("  // seen: ").append(String.join(", ", widened));
      }
      out.append('\n');
    }
    out.append("}\n");
    return new InferredWorld(out.toString(), warnings);
  }

  private static List<String> declaredActions(List<String> given, Set<String> seen) {
    if (given == null) {
      return new ArrayList<>(seen);
    }
    List<String> missing = seen.stream().filter(a -> !given.contains(a)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the data takes " + (missing.size() == 1 ? "action " : "actions ")
          + String.join(", ", missing) + ", which --actions does not list");
    }
    for (String a : given) {
      if (!IDENTIFIER.matcher(a).matches() || KEYWORDS.contains(a)) {
        throw new IllegalArgumentException("action \"" + a + "\" cannot be a Nomos name (a letter or _ then letters,"
            + " digits, _; not a keyword)");
      }
    }
    return List.copyOf(new LinkedHashSet<>(given));
  }

  /** Why the declaration has, or has not, {@code contact_gap 0}: the lines of a comment. */
  private static List<String> latticeComment(Lattice l) {
    List<String> lines = new ArrayList<>();
    String cells = l.cell() + "-unit cells" + (l.offsetX() == 0 && l.offsetY() == 0 ? ""
        : " at offset (" + l.offsetX() + ", " + l.offsetY() + ")");
    if (!l.isGrid()) {
      lines.add("not a grid (" + l.reason() + "): contact_gap stays at its default");
      return lines;
    }
    if (l.isExact()) {
      lines.add("grid: every object sits on a lattice of " + cells
          + (l.rectangleTypes().isEmpty() ? "" : "; " + String.join(", ", l.rectangleTypes()) + " as rectangles of whole cells"));
      return lines;
    }
    lines.add("grid of " + cells + ": " + Lattice.percent(l.alignedShare()) + " of object occurrences sit on it;");
    List<String> off = new ArrayList<>();
    l.offTypes().forEach((type, share) -> off.add(type + " (" + Lattice.percent(share) + " on it)"));
    lines.add("off it: " + String.join(", ", off) + ". contact_gap 0 counts contact as overlap or a shared edge");
    return lines;
  }

  private static String checkedName(String s, String what, Recording rec, int record) {
    if (!IDENTIFIER.matcher(s).matches() || KEYWORDS.contains(s)) {
      throw new IllegalArgumentException(where(rec, record) + what + " \"" + s
          + "\" cannot be a Nomos name (a letter or _ then letters, digits, _; not a keyword); rename it in the data");
    }
    return s;
  }

  private static String where(Recording rec, int record) {
    return rec.name() + ": record " + (record + 1) + ": ";
  }

  /**
   * Follows every object through one recording (by id, or by the runtime's tracker where the data has
   * none), records each int attribute's changes in {@code types}, and returns the largest per-step
   * displacement that is not a teleport (over half the screen).
   */
  private static int followObjects(Recording rec, Map<String, Map<String, AttributeSummary>> types, int width,
      int height) {
    int search = Math.max(1, Math.max(width, height) / 4);
    Tracker tracker = new Tracker(-search, search);
    Map<Integer, ObjectState> last = new HashMap<>();
    int lastEpisode = Integer.MIN_VALUE;
    int max = 0;
    for (StepRecord raw : rec.records()) {
      StepRecord step = tracker.track(raw);
      if (step.episode() != lastEpisode) {
        last.clear();
        lastEpisode = step.episode();
      }
      Map<Integer, ObjectState> now = new HashMap<>();
      for (ObjectState o : step.objects()) {
        now.put(o.id(), o);
        ObjectState p = last.get(o.id());
        if (p == null || !p.type().equals(o.type())) {
          continue;
        }
        int dx = Math.abs(o.x() - p.x());
        int dy = Math.abs(o.y() - p.y());
        if (dx <= width / 2 && dy <= height / 2) {
          max = Math.max(max, Math.max(dx, dy));
        }
        Map<String, AttributeSummary> attrs = types.get(o.type());
        for (Map.Entry<String, Object> e : o.attributes().entrySet()) {
          attrs.get(e.getKey()).change(p.attributes().get(e.getKey()), e.getValue());
        }
      }
      last = now;
    }
    return max;
  }

  private static int wholeCells(int extent, int offset, int cell) {
    return offset + (extent - offset + cell - 1) / cell * cell;
  }

  /** The velocity bound: the largest step plus a quarter (at least 1), in whole cells on an exact grid. */
  private static int velocityBound(int largestStep, Lattice lattice) {
    int v = largestStep + Math.max(1, (largestStep + 3) / 4);
    if (lattice.isExact() && lattice.cell() > 1) {
      v = (v + lattice.cell() - 1) / lattice.cell() * lattice.cell();
    }
    return v;
  }
}
