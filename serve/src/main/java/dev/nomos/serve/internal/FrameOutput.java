package dev.nomos.serve.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.ReadMode;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.Map;

/**
 * Writes a predicted frame as a trajectory record of the model's world: {@code episode}, {@code t}
 * and {@code objects} (each with id, type, x, y, w, h and its declared attributes by name). It has
 * no {@code action} (the caller chooses the next one) and no {@code reward} or {@code done}: those
 * are the model's to predict, and a record would otherwise claim a reward of 0 that nobody
 * predicted. Such a record can be sent back as the next request's frame unchanged.
 */
public final class FrameOutput {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final FrameCodec codec;

  public FrameOutput(WorldSchema schema) {
    this.codec = new FrameCodec(schema, ReadMode.STRICT);
  }

  public ObjectNode write(Frame frame, int episode, int t) {
    StepRecord r = codec.decode(frame, episode, t, 0.0, false);
    ObjectNode out = JSON.objectNode();
    out.put("episode", episode);
    out.put("t", t);
    ArrayNode objects = out.putArray("objects");
    for (ObjectState o : r.objects()) {
      ObjectNode n = objects.addObject();
      n.put("id", o.id());
      n.put("type", o.type());
      n.put("x", o.x());
      n.put("y", o.y());
      n.put("w", o.w());
      n.put("h", o.h());
      for (Map.Entry<String, Object> e : o.attributes().entrySet()) {
        Object v = e.getValue();
        if (v instanceof Integer i) {
          n.put(e.getKey(), i);
        } else if (v instanceof Boolean b) {
          n.put(e.getKey(), b);
        } else {
          n.put(e.getKey(), (String) v);
        }
      }
    }
    return out;
  }
}
