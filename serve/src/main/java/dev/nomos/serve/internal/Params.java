package dev.nomos.serve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.nomos.serve.RpcError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The named parameters of one request (or of one entry of a batch), read with errors that name the
 * field by its full path ({@code params.requests[3].action}).
 */
public final class Params {
  private final JsonNode node;
  private final String path;

  private Params(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** A request's {@code params}: an object, or absent (no parameters). */
  public static Params of(JsonNode params) {
    if (params == null || params.isNull() || params.isMissingNode()) {
      return new Params(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "params");
    }
    if (!params.isObject()) {
      throw RpcError.invalidParam("params", "expected an object (parameters by name), got " + describe(params));
    }
    return new Params(params, "params");
  }

  /** The path of a field of these parameters. */
  public String field(String name) {
    return path + "." + name;
  }

  /** Refuses any field but {@code allowed} (a misspelt optional field would otherwise be ignored silently). */
  public Params allowOnly(String method, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw RpcError.invalidParam(field(name), "unknown parameter; " + method + " takes "
            + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())));
      }
    }
    return this;
  }

  /** A field that must be present (it may be null). */
  public JsonNode required(String name) {
    JsonNode v = node.get(name);
    if (v == null) {
      throw RpcError.invalidParam(field(name), "missing");
    }
    return v;
  }

  /** A field that may be absent (null then). */
  public JsonNode optional(String name) {
    return node.get(name);
  }

  /** A required string, or null when the field is JSON null. */
  public String stringOrNull(String name) {
    JsonNode v = required(name);
    if (v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw RpcError.invalidParam(field(name), "expected a string or null, got " + describe(v));
    }
    return v.textValue();
  }

  /** An optional integer in [min, max]. */
  public int integer(String name, int absent, int min, int max) {
    JsonNode v = node.get(name);
    if (v == null) {
      return absent;
    }
    if (!v.isIntegralNumber()) {
      throw RpcError.invalidParam(field(name), "expected an integer, got " + describe(v));
    }
    if (!v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
      throw RpcError.invalidParam(field(name), "expected an integer from " + min + " to " + max + ", got " + v.asText());
    }
    return v.intValue();
  }

  /** An optional 64-bit integer. */
  public long longInteger(String name, long absent) {
    JsonNode v = node.get(name);
    if (v == null) {
      return absent;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw RpcError.invalidParam(field(name), "expected a 64-bit integer, got " + describe(v));
    }
    return v.longValue();
  }

  /** An optional boolean. */
  public boolean bool(String name, boolean absent) {
    JsonNode v = node.get(name);
    if (v == null) {
      return absent;
    }
    if (!v.isBoolean()) {
      throw RpcError.invalidParam(field(name), "expected true or false, got " + describe(v));
    }
    return v.booleanValue();
  }

  /** A required array, as its elements. */
  public List<JsonNode> array(String name) {
    JsonNode v = required(name);
    if (!v.isArray()) {
      throw RpcError.invalidParam(field(name), "expected an array, got " + describe(v));
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    v.forEach(out::add);
    return out;
  }

  /** The entries of a required array of parameter objects (a batch's {@code requests}). */
  public List<Params> objects(String name) {
    List<JsonNode> items = array(name);
    List<Params> out = new ArrayList<>(items.size());
    for (int k = 0; k < items.size(); k++) {
      String at = field(name) + "[" + k + "]";
      if (!items.get(k).isObject()) {
        throw RpcError.invalidParam(at, "expected an object, got " + describe(items.get(k)));
      }
      out.add(new Params(items.get(k), at));
    }
    return out;
  }

  /** A JSON value in a few words, for error messages. */
  public static String describe(JsonNode v) {
    JsonNodeType type = v.getNodeType();
    return switch (type) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> quote(v.textValue());
      case NULL -> "null";
      default -> v.asText();
    };
  }

  private static String quote(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return "\"" + cut.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
