package dev.nomos.serve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nomos.serve.RpcError;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Locale;

/**
 * The number columns of the packed methods, in one of two encodings: {@code json} (a JSON array of
 * numbers, to read and write by hand) or {@code base64} (the column's little-endian 32-bit integers
 * or 64-bit floats, base64-encoded: what a client that wants speed sends, since encoding and decoding
 * numbers one by one costs a scripting language more than the model's whole step).
 */
public enum Columns {
  JSON,
  BASE64;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The encoding named by the optional string parameter {@code name} ({@code json} when absent). */
  public static Columns of(Params p, String name) {
    JsonNode v = p.optional(name);
    if (v == null) {
      return JSON;
    }
    if (v.isTextual()) {
      for (Columns c : values()) {
        if (c.wireName().equals(v.textValue())) {
          return c;
        }
      }
    }
    throw RpcError.invalidParam(p.field(name), "expected \"json\" or \"base64\", got " + Params.describe(v));
  }

  /** The name requests give it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The 32-bit integers of the column {@code v} (named {@code field}). */
  public int[] ints(JsonNode v, String field) {
    if (this == BASE64) {
      ByteBuffer bytes = bytes(v, field, Integer.BYTES, "32-bit integers");
      int[] out = new int[bytes.remaining() / Integer.BYTES];
      bytes.asIntBuffer().get(out);
      return out;
    }
    if (!v.isArray()) {
      throw RpcError.invalidParam(field, "expected an array of integers, got " + Params.describe(v));
    }
    int[] out = new int[v.size()];
    for (int k = 0; k < out.length; k++) {
      JsonNode e = v.get(k);
      if (!e.isIntegralNumber() || !e.canConvertToInt()) {
        throw RpcError.invalidParam(field + "[" + k + "]", "expected a 32-bit integer, got " + Params.describe(e));
      }
      out[k] = e.intValue();
    }
    return out;
  }

  /** The first {@code length} integers of {@code values} as a column. */
  public JsonNode of(int[] values, int length) {
    if (this == BASE64) {
      ByteBuffer bytes = ByteBuffer.allocate(length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asIntBuffer().put(values, 0, length);
      return BinaryNode.valueOf(bytes.array());
    }
    ArrayNode out = NODES.arrayNode(length);
    for (int k = 0; k < length; k++) {
      out.add(values[k]);
    }
    return out;
  }

  /** {@code values} as a column. */
  public JsonNode of(double[] values) {
    if (this == BASE64) {
      ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asDoubleBuffer().put(values);
      return BinaryNode.valueOf(bytes.array());
    }
    ArrayNode out = NODES.arrayNode(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static ByteBuffer bytes(JsonNode v, String field, int width, String what) {
    if (!v.isTextual()) {
      throw RpcError.invalidParam(field, "expected a base64 string of " + what + ", got " + Params.describe(v));
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(v.textValue());
    } catch (IllegalArgumentException e) {
      throw RpcError.invalidParam(field, "not base64: " + e.getMessage());
    }
    if (decoded.length % width != 0) {
      throw RpcError.invalidParam(field, decoded.length + " bytes, not a whole number of " + what
          + " (" + width + " bytes each)");
    }
    return ByteBuffer.wrap(decoded).order(ByteOrder.LITTLE_ENDIAN);
  }
}
