package dev.nomos.runtime.trajectory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One object as a trajectory record stores it. {@code id} is null when the recording has no object
 * identities (a tracker assigns them). {@code attributes} holds the extra fields in file order;
 * values are {@link Integer}, {@link Boolean} or {@link String} (a symbol).
 */
public record ObjectState(Integer id, String type, int x, int y, int w, int h, Map<String, Object> attributes) {

  public ObjectState {
    Objects.requireNonNull(type, "type");
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      Object v = e.getValue();
      if (!(v instanceof Integer || v instanceof Boolean || v instanceof String)) {
        throw new IllegalArgumentException("attribute " + e.getKey() + " must be int, bool or string, got " + v);
      }
    }
  }

  public static ObjectState of(Integer id, String type, int x, int y, int w, int h) {
    return new ObjectState(id, type, x, y, w, h, Map.of());
  }

  public ObjectState withId(int newId) {
    return new ObjectState(newId, type, x, y, w, h, attributes);
  }
}
