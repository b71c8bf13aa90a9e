package dev.nomos.serve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.serve.RpcError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a trajectory record straight from a request's parsed JSON tree, with the checks (and the
 * wording) the trajectory reader applies to a line of a file. The request was parsed once already:
 * writing its frames out as text for the file reader to parse again cost more than the model's
 * inference. Errors name the field under {@code name} ({@code params.frame.objects[2].x}).
 */
final class RecordTree {
  private static final String RECORD_FIELDS = "episode, t, action, reward, done, truncated, objects, prediction";

  private RecordTree() {}

  /**
   * The record {@code node}, named {@code name}; {@code defaultT} stands in for a missing {@code t}
   * and {@code defaultEpisode} for a missing {@code episode}.
   */
  static StepRecord read(JsonNode node, String name, int defaultT, int defaultEpisode) {
    if (!node.isObject()) {
      throw RpcError.invalidParam(name, "expected a JSON object, got " + Params.describe(node));
    }
    int episode = defaultEpisode;
    int t = defaultT;
    String action = null;
    double reward = 0;
    boolean done = false;
    boolean truncated = false;
    List<ObjectState> objects = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      String field = name + "." + key;
      switch (key) {
        case "episode" -> episode = nonNegativeInt(v, field);
        case "t" -> t = nonNegativeInt(v, field);
        case "action" -> {
          if (v.isTextual()) {
            action = v.textValue();
          } else if (!v.isNull()) {
            throw RpcError.invalidParam(field, "expected a string or null, got " + Params.describe(v));
          }
        }
        case "reward" -> {
          if (!v.isNumber()) {
            throw RpcError.invalidParam(field, "expected a number, got " + Params.describe(v));
          }
          reward = v.doubleValue();
        }
        case "done" -> done = bool(v, field);
        case "truncated" -> truncated = bool(v, field);
        case "objects" -> objects = objects(v, field);
        case "prediction" -> {
          if (!v.isObject()) {
            throw RpcError.invalidParam(field, "expected an object, got " + Params.describe(v));
          }
        }
        default -> throw RpcError.invalidParam(field, "unknown field (a record has " + RECORD_FIELDS + ")");
      }
    }
    if (objects == null) {
      throw RpcError.invalidParam(name + ".objects", "missing (every record needs its list of objects)");
    }
    if (truncated && !done) {
      throw RpcError.invalidParam(name + ".truncated",
          "true on a record that is not done; a cut ends the episode, so set done: true too");
    }
    return new StepRecord(episode, t, action, reward, done, truncated, objects);
  }

  private static List<ObjectState> objects(JsonNode v, String field) {
    if (!v.isArray()) {
      throw RpcError.invalidParam(field, "expected an array of objects, got " + Params.describe(v));
    }
    List<ObjectState> objects = new ArrayList<>(v.size());
    Map<Integer, Integer> indexOfId = new HashMap<>();
    int withoutId = -1;
    for (int k = 0; k < v.size(); k++) {
      String at = field + "[" + k + "]";
      ObjectState o = object(v.get(k), at);
      if (o.id() == null) {
        withoutId = k;
        if (!indexOfId.isEmpty()) {
          throw RpcError.invalidParam(at + ".id", "missing, but objects[" + indexOfId.values().iterator().next()
              + "] has one; a record gives ids to all of its objects or to none");
        }
      } else {
        if (withoutId >= 0) {
          throw RpcError.invalidParam(at + ".id", "present, but objects[" + withoutId
              + "] has none; a record gives ids to all of its objects or to none");
        }
        Integer before = indexOfId.putIfAbsent(o.id(), k);
        if (before != null) {
          throw RpcError.invalidParam(at + ".id", "duplicate id " + o.id() + " (objects[" + before + "] has it too)");
        }
      }
      objects.add(o);
    }
    return objects;
  }

  private static ObjectState object(JsonNode node, String at) {
    if (!node.isObject()) {
      throw RpcError.invalidParam(at, "expected an object, got " + Params.describe(node));
    }
    Integer id = null;
    String type = null;
    Integer x = null;
    Integer y = null;
    int w = 1;
    int h = 1;
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      String field = at + "." + key;
      switch (key) {
        case "id" -> id = v.isNull() ? null : integer(v, field);
        case "type" -> {
          if (!v.isTextual() || v.textValue().isEmpty()) {
            throw RpcError.invalidParam(field, "expected a non-empty string, got " + Params.describe(v));
          }
          type = v.textValue();
        }
        case "x" -> x = integer(v, field);
        case "y" -> y = integer(v, field);
        case "w" -> w = nonNegativeInt(v, field);
        case "h" -> h = nonNegativeInt(v, field);
        default -> extras.put(key, extra(v, field));
      }
    }
    if (type == null) {
      throw RpcError.invalidParam(at + ".type", "missing (every object needs a type)");
    }
    if (x == null) {
      throw RpcError.invalidParam(at + ".x", "missing (every object needs integer x and y)");
    }
    if (y == null) {
      throw RpcError.invalidParam(at + ".y", "missing (every object needs integer x and y)");
    }
    return new ObjectState(id, type, x, y, w, h, extras);
  }

  private static Object extra(JsonNode v, String field) {
    if (v.isIntegralNumber()) {
      return integer(v, field);
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    throw RpcError.invalidParam(field, "expected an integer, a boolean or a string, got " + Params.describe(v));
  }

  private static boolean bool(JsonNode v, String field) {
    if (!v.isBoolean()) {
      throw RpcError.invalidParam(field, "expected true or false, got " + Params.describe(v));
    }
    return v.booleanValue();
  }

  private static int nonNegativeInt(JsonNode v, String field) {
    int i = integer(v, field);
    if (i < 0) {
      throw RpcError.invalidParam(field, "expected a non-negative integer, got " + i);
    }
    return i;
  }

  private static int integer(JsonNode v, String field) {
    if (!v.isIntegralNumber()) {
      throw RpcError.invalidParam(field, "expected an integer, got " + Params.describe(v));
    }
    if (!v.canConvertToInt()) {
      throw RpcError.invalidParam(field, "integer " + v.asText() + " is out of range");
    }
    return v.intValue();
  }
}
