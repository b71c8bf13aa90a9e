package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Symbol attributes that take their values from one set, found in recordings for {@code nomos
 * init}, which declares each such set once ({@code enum Color {...}}) so that laws can copy and
 * compare the values across attributes. Two symbol attributes are of one type when they have the
 * same name on different entity types ({@code wall.color}, {@code door.color}), when one's name
 * ends with the other's after an underscore ({@code carrying_color} and {@code color}), or when the
 * values seen share at least two symbols. A single shared symbol is not enough: a placeholder such
 * as {@code none} turns up in unrelated sets ({@code carrying: {none, key}}).
 */
public final class SharedSymbolTypes {
  /** One shared type: its name, its symbols in order of first appearance, and its attributes as {@code type.attr}. */
  public record SharedType(String name, List<String> symbols, List<String> members) {
    public SharedType {
      symbols = List.copyOf(symbols);
      members = List.copyOf(members);
    }
  }

  private SharedSymbolTypes() {}

  /**
   * The shared types among the symbol attributes of {@code types} (entity type, then attribute name,
   * each in order of first appearance); a type is named after the shortest name of its attributes,
   * capitalised, made distinct from the entity types and from each other.
   */
  public static List<SharedType> find(Map<String, Map<String, AttributeSummary>> types) {
    List<String> keys = new ArrayList<>();
    List<String> attrs = new ArrayList<>();
    List<List<String>> symbols = new ArrayList<>();
    for (Map.Entry<String, Map<String, AttributeSummary>> t : types.entrySet()) {
      for (Map.Entry<String, AttributeSummary> a : t.getValue().entrySet()) {
        if (a.getValue().kind() == AttributeSummary.Kind.SYMBOL) {
          keys.add(t.getKey() + "." + a.getKey());
          attrs.add(a.getKey());
          symbols.add(a.getValue().symbols());
        }
      }
    }
    int[] parent = new int[keys.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < keys.size(); i++) {
      for (int j = i + 1; j < keys.size(); j++) {
        if (related(attrs.get(i), symbols.get(i), attrs.get(j), symbols.get(j))) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
    }
    Set<String> taken = new LinkedHashSet<>();
    types.keySet().forEach(t -> taken.add(t.toLowerCase(Locale.ROOT)));
    List<SharedType> out = new ArrayList<>();
    for (List<Integer> group : groups.values()) {
      if (group.size() < 2) {
        continue;
      }
      Set<String> union = new LinkedHashSet<>();
      List<String> members = new ArrayList<>();
      String shortest = null;
      for (int i : group) {
        union.addAll(symbols.get(i));
        members.add(keys.get(i));
        if (shortest == null || attrs.get(i).length() < shortest.length()) {
          shortest = attrs.get(i);
        }
      }
      out.add(new SharedType(freeName(typeName(shortest), taken), new ArrayList<>(union), members));
    }
    return out;
  }

  private static boolean related(String a, List<String> as, String b, List<String> bs) {
    if (a.equals(b) || a.endsWith("_" + b) || b.endsWith("_" + a)) {
      return true;
    }
    return as.stream().filter(bs::contains).count() >= 2;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** {@code carrying_color} gives {@code CarryingColor}. */
  private static String typeName(String attr) {
    StringBuilder name = new StringBuilder();
    for (String part : attr.split("_")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.isEmpty() ? "Symbols" : name.toString();
  }

  /** {@code name}, or {@code name} with "Value" (then a number) added while it is taken (ignoring case). */
  private static String freeName(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = name + "Value" + (n == 2 ? "" : String.valueOf(n));
    }
    taken.add(candidate.toLowerCase(Locale.ROOT));
    return candidate;
  }
}
