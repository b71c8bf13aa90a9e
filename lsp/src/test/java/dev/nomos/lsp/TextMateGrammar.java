package dev.nomos.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small TextMate tokenizer for the subset of the format the Nomos grammar uses: {@code match},
 * {@code begin}/{@code end}, {@code name}/{@code contentName}, {@code captures},
 * {@code beginCaptures}/{@code endCaptures}, {@code patterns} and {@code include} of repository
 * rules. Lines are scanned as TextMate does: the earliest match wins, ties go to the first rule,
 * and an open block's {@code end} is tried before its patterns. Regexes run on java.util.regex,
 * which agrees with Oniguruma on the constructs used.
 */
final class TextMateGrammar {
  static final Set<String> SUPPORTED_KEYS = Set.of("$schema", "name", "scopeName", "fileTypes", "patterns",
      "repository", "match", "begin", "end", "captures", "beginCaptures", "endCaptures", "include", "contentName");

  private static final class Rule {
    String name;
    String contentName;
    Pattern match;
    Pattern begin;
    Pattern end;
    Map<Integer, String> captures = Map.of();
    Map<Integer, String> beginCaptures = Map.of();
    Map<Integer, String> endCaptures = Map.of();
    List<Rule> patterns = new ArrayList<>();
    String include;
  }

  private final Map<String, Rule> repository = new HashMap<>();
  private final Rule root;
  final String scopeName;

  TextMateGrammar(Path file) throws IOException {
    JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    checkKeys(json, "grammar");
    scopeName = json.get("scopeName").getAsString();
    if (json.has("repository")) {
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject("repository").entrySet()) {
        repository.put(e.getKey(), rule(e.getValue().getAsJsonObject(), e.getKey()));
      }
    }
    root = rule(json, "root");
  }

  private static void checkKeys(JsonObject obj, String where) {
    for (String key : obj.keySet()) {
      if (!SUPPORTED_KEYS.contains(key)) {
        throw new IllegalArgumentException("unsupported TextMate key '" + key + "' in " + where);
      }
    }
  }

  private Rule rule(JsonObject json, String where) {
    checkKeys(json, where);
    Rule r = new Rule();
    r.name = string(json, "name");
    r.contentName = string(json, "contentName");
    r.include = string(json, "include");
    if (json.has("match")) {
      r.match = Pattern.compile(json.get("match").getAsString());
    }
    if (json.has("begin")) {
      r.begin = Pattern.compile(json.get("begin").getAsString());
      r.end = Pattern.compile(json.get("end").getAsString());
    }
    r.captures = captures(json, "captures");
    r.beginCaptures = json.has("beginCaptures") ? captures(json, "beginCaptures") : r.captures;
    r.endCaptures = json.has("endCaptures") ? captures(json, "endCaptures") : r.captures;
    if (json.has("patterns")) {
      for (JsonElement p : json.getAsJsonArray("patterns")) {
        r.patterns.add(rule(p.getAsJsonObject(), where + "/patterns"));
      }
    }
    return r;
  }

  private static String string(JsonObject json, String key) {
    return json.has(key) ? json.get(key).getAsString() : null;
  }

  private static Map<Integer, String> captures(JsonObject json, String key) {
    Map<Integer, String> result = new HashMap<>();
    if (json.has(key)) {
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject(key).entrySet()) {
        result.put(Integer.parseInt(e.getKey()), e.getValue().getAsJsonObject().get("name").getAsString());
      }
    }
    return result;
  }

  /** Rules with includes resolved, in order. */
  private List<Rule> expand(List<Rule> rules, int depth) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules) {
      if (r.include != null) {
        if (depth > 16) {
          throw new IllegalStateException("include cycle at " + r.include);
        }
        Rule target = r.include.equals("$self") ? root : repository.get(r.include.substring(1));
        if (target == null) {
          throw new IllegalArgumentException("unknown include " + r.include);
        }
        out.addAll(target.match != null || target.begin != null ? List.of(target) : expand(target.patterns, depth + 1));
      } else if (r.match != null || r.begin != null) {
        out.add(r);
      } else {
        out.addAll(expand(r.patterns, depth + 1));
      }
    }
    return out;
  }

  /** The scopes of every character of a text, one list per character (the root scope left out). */
  List<List<String>> tokenize(String text) {
    List<List<String>> scopes = new ArrayList<>();
    Deque<Rule> stack = new ArrayDeque<>();
    String[] lines = text.split("\n", -1);
    for (int li = 0; li < lines.length; li++) {
      String line = lines[li];
      List<List<String>> lineScopes = new ArrayList<>();
      for (int i = 0; i < line.length(); i++) {
        lineScopes.add(new ArrayList<>());
      }
      scanLine(line, stack, lineScopes);
      scopes.addAll(lineScopes);
      if (li < lines.length - 1) {
        scopes.add(new ArrayList<>()); // the newline
      }
    }
    return scopes;
  }

  private void scanLine(String line, Deque<Rule> stack, List<List<String>> out) {
    int pos = 0;
    while (pos <= line.length()) {
      Rule top = stack.peek();
      List<Rule> candidates = expand(top == null ? root.patterns : top.patterns, 0);
      Matcher endMatch = top == null ? null : find(top.end, line, pos);
      Rule best = null;
      Matcher bestMatch = null;
      for (Rule r : candidates) {
        Matcher m = find(r.match != null ? r.match : r.begin, line, pos);
        if (m != null && (bestMatch == null || m.start() < bestMatch.start())) {
          best = r;
          bestMatch = m;
        }
      }
      if (endMatch != null && (bestMatch == null || endMatch.start() <= bestMatch.start())) {
        context(stack, out, pos, endMatch.start());
        scope(out, endMatch.start(), endMatch.end(), stack, top.name);
        captures(out, endMatch, top.endCaptures);
        stack.pop();
        pos = advance(pos, endMatch);
        continue;
      }
      if (bestMatch == null) {
        context(stack, out, pos, line.length());
        return;
      }
      context(stack, out, pos, bestMatch.start());
      if (best.match != null) {
        scope(out, bestMatch.start(), bestMatch.end(), stack, best.name);
        captures(out, bestMatch, best.captures);
        pos = advance(pos, bestMatch);
      } else {
        scope(out, bestMatch.start(), bestMatch.end(), stack, best.name);
        captures(out, bestMatch, best.beginCaptures);
        stack.push(best);
        pos = bestMatch.end() > pos ? bestMatch.end() : pos;
        if (bestMatch.end() == bestMatch.start() && stack.size() > 64) {
          throw new IllegalStateException("empty begin loops at " + pos + " in: " + line);
        }
      }
    }
  }

  private static int advance(int pos, Matcher m) {
    return m.end() > pos ? m.end() : pos + 1;
  }

  private static Matcher find(Pattern p, String line, int pos) {
    if (pos > line.length()) {
      return null;
    }
    Matcher m = p.matcher(line);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    m.region(pos, line.length());
    return m.find() ? m : null;
  }

  /** Characters consumed as plain text inside open blocks get those blocks' names. */
  private static void context(Deque<Rule> stack, List<List<String>> out, int from, int to) {
    for (int i = from; i < to && i < out.size(); i++) {
      for (Rule r : stack) {
        if (r.name != null) {
          out.get(i).add(r.name);
        }
        if (r.contentName != null) {
          out.get(i).add(r.contentName);
        }
      }
    }
  }

  private static void scope(List<List<String>> out, int from, int to, Deque<Rule> stack, String name) {
    context(stack, out, from, to);
    if (name != null) {
      for (int i = from; i < to && i < out.size(); i++) {
        out.get(i).add(name);
      }
    }
  }

  private static void captures(List<List<String>> out, Matcher m, Map<Integer, String> captures) {
    for (Map.Entry<Integer, String> c : captures.entrySet()) {
      if (c.getKey() <= m.groupCount() && m.start(c.getKey()) >= 0) {
        for (int i = m.start(c.getKey()); i < m.end(c.getKey()) && i < out.size(); i++) {
          out.get(i).add(c.getValue());
        }
      }
    }
  }
}
