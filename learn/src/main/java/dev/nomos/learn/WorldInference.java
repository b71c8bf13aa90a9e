package dev.nomos.learn;

import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Infers a world declaration from recorded steps, for {@code nomos init}: entity types in order of
 * first appearance with their extra attributes (int with the observed range, bool, or the symbol
 * set seen), the actions seen, the screen (the largest right and bottom edge), the velocity range
 * (the largest per-step displacement of a tracked object, with a margin; jumps over half the screen
 * are taken as teleports and left out) and {@code contact_gap 0} when every object is a 1x1 cell.
 */
public final class WorldInference {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS = Set.of("use", "world", "screen", "velocity", "actions", "entity", "law",
      "weight", "constraint", "for", "on", "when", "then", "destroy", "spawn", "at", "if", "else", "and", "or", "not",
      "in", "exists", "count", "all", "any", "where", "true", "false", "action", "int", "bool", "one_of", "range",
      "weighted", "step", "seq", "after", "Object");

  private WorldInference() {}

  /** A name from a file name: {@code sokoban_lvl0_train.jsonl.gz} gives {@code SokobanLvl0}. */
  public static String nameFromFile(String fileName) {
    String base = fileName.replaceAll("\\.gz$", "").replaceAll("\\.jsonl?$", "")
        .replaceAll("(?i)[_-](train|test)$", "");
    StringBuilder sb = new StringBuilder();
    for (String part : base.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String name = sb.length() == 0 ? "World" : sb.toString();
    return Character.isDigit(name.charAt(0)) ? "W" + name : name;
  }

  /**
   * The world declaration, as source text.
   *
   * @param records every record of the data, in file order
   * @param name the world's name
   * @param origin where the records came from, for the doc comment
   * @throws IllegalArgumentException when a name in the data cannot be a Nomos name, or an attribute
   *     changes kind; the message names the record and field
   */
  public static String infer(List<StepRecord> records, String name, String origin) {
    Map<String, Map<String, AttrStats>> types = new LinkedHashMap<>();
    Set<String> actions = new TreeSet<>();
    int width = 1, height = 1;
    boolean allCells = true;
    int episodes = 0;
    int lastEpisode = Integer.MIN_VALUE;
    for (int r = 0; r < records.size(); r++) {
      StepRecord rec = records.get(r);
      if (rec.episode() != lastEpisode) {
        episodes++;
        lastEpisode = rec.episode();
      }
      if (rec.action() != null) {
        actions.add(checkedName(rec.action(), "action", r));
      }
      for (ObjectState o : rec.objects()) {
        Map<String, AttrStats> attrs = types.computeIfAbsent(checkedName(o.type(), "type", r), k -> new LinkedHashMap<>());
        width = Math.max(width, o.x() + o.w());
        height = Math.max(height, o.y() + o.h());
        allCells &= o.w() == 1 && o.h() == 1;
        for (Map.Entry<String, Object> e : o.attributes().entrySet()) {
          String attr = checkedName(e.getKey(), "attribute of " + o.type(), r);
          attrs.computeIfAbsent(attr, k -> new AttrStats()).add(e.getValue(), o.type(), attr, r);
        }
      }
    }
    int vmax = velocityBound(records, width, height);
    StringBuilder out = new StringBuilder();
    out.append("/// Inferred by `nomos init` from ").append(origin).append(" (").append(records.size())
        .append(" records, ").append(episodes).append(episodes == 1 ? " episode" : " episodes").append(").\n");
    out.append("world ").append(name).append(" {\n");
    out.append("  screen ").append(width).append(" x ").append(height).append('\n');
    out.append("  velocity ").append(-vmax).append("..").append(vmax).append('\n');
    if (allCells) {
      out.append("  contact_gap 0\n");
    }
    out.append("  actions ").append(actions.isEmpty() ? "NOOP" : String.join(", ", actions)).append('\n');
    for (Map.Entry<String, Map<String, AttrStats>> t : types.entrySet()) {
      out.append("  entity ").append(t.getKey());
      if (!t.getValue().isEmpty()) {
        List<String> attrs = new ArrayList<>();
        for (Map.Entry<String, AttrStats> a : t.getValue().entrySet()) {
          attrs.add(a.getKey() + ": " + a.getValue().declaration());
        }
        out.append(" { ").append(String.join(", ", attrs)).append(" }");
      }
      out.append('\n');
    }
    out.append("}\n");
    return out.toString();
  }

  private static String checkedName(String s, String what, int record) {
    if (!IDENTIFIER.matcher(s).matches() || KEYWORDS.contains(s)) {
      throw new IllegalArgumentException("record " + (record + 1) + ": " + what + " \"" + s
          + "\" cannot be a Nomos name (a letter or _ then letters, digits, _; not a keyword); rename it in the data");
    }
    return s;
  }

  /**
   * The largest per-step displacement of one object, tracked by id (assigned by the runtime's
   * tracker where the data has none), plus a margin of a quarter (at least 1).
   */
  private static int velocityBound(List<StepRecord> records, int width, int height) {
    int search = Math.max(1, Math.max(width, height) / 4);
    Tracker tracker = new Tracker(-search, search);
    Map<Integer, int[]> last = new HashMap<>();
    int lastEpisode = Integer.MIN_VALUE;
    int max = 0;
    for (StepRecord raw : records) {
      StepRecord rec = tracker.track(raw);
      if (rec.episode() != lastEpisode) {
        last.clear();
        lastEpisode = rec.episode();
      }
      Map<Integer, int[]> now = new HashMap<>();
      for (ObjectState o : rec.objects()) {
        now.put(o.id(), new int[] {o.x(), o.y()});
        int[] p = last.get(o.id());
        if (p != null) {
          int dx = Math.abs(o.x() - p[0]);
          int dy = Math.abs(o.y() - p[1]);
          if (dx <= width / 2 && dy <= height / 2) {
            max = Math.max(max, Math.max(dx, dy));
          }
        }
      }
      last = now;
    }
    return max + Math.max(1, (max + 3) / 4);
  }

  /** What one extra attribute's values look like. */
  private static final class AttrStats {
    private String kind;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;
    private final Set<String> symbols = new LinkedHashSet<>();

    void add(Object value, String type, String attr, int record) {
      String k = value instanceof Integer ? "int" : value instanceof Boolean ? "bool" : "symbol";
      if (kind != null && !kind.equals(k)) {
        throw new IllegalArgumentException("record " + (record + 1) + ": attribute " + attr + " of " + type
            + " holds a " + k + " here but a " + kind + " before");
      }
      kind = k;
      if (value instanceof Integer i) {
        min = Math.min(min, i);
        max = Math.max(max, i);
      } else if (value instanceof String s) {
        symbols.add(checkedName(s, "symbol of " + type + "." + attr, record));
      }
    }

    String declaration() {
      switch (kind) {
        case "int": {
          int lo = Math.min(0, min);
          int span = max - lo;
          // Small ranges (directions, states) are exact; counters get room to grow.
          int hi = span < 16 ? max : max + Math.max(1, span / 2);
          return "int " + lo + ".." + hi;
        }
        case "bool":
          return "bool";
        default:
          return "{" + String.join(", ", symbols) + "}";
      }
    }
  }
}
