package dev.nomos.cli;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.ObjectState;
import dev.nomos.runtime.trajectory.StepRecord;
import java.util.ArrayList;
import java.util.List;

/** What one picture of a world shows: the objects as boxes, and the step and action written under it. */
record Scene(List<Box> boxes, int step, String action) {

  /** One object: its type, its id (-1 when the recording gives none), and its box. */
  record Box(String type, int id, int x, int y, int w, int h) {
    boolean sameAs(Box o) {
      return type.equals(o.type) && x == o.x && y == o.y && w == o.w && h == o.h;
    }
  }

  Scene {
    boxes = List.copyOf(boxes);
  }

  static Scene of(Frame frame, int step, String action) {
    WorldSchema schema = frame.schema();
    List<Box> boxes = new ArrayList<>();
    for (int o : frame.all()) {
      boxes.add(new Box(schema.type(frame.type(o)).name(), frame.id(o), frame.x(o), frame.y(o), frame.w(o), frame.h(o)));
    }
    return new Scene(boxes, step, action);
  }

  static Scene of(StepRecord record) {
    List<Box> boxes = new ArrayList<>();
    for (ObjectState s : record.objects()) {
      boxes.add(new Box(s.type(), s.id() == null ? -1 : s.id(), s.x(), s.y(), s.w(), s.h()));
    }
    return new Scene(boxes, record.t(), record.action() == null ? "-" : record.action());
  }

  /** The box of object {@code id}, or null. */
  Box byId(int id) {
    for (Box b : boxes) {
      if (b.id == id) {
        return b;
      }
    }
    return null;
  }

  /**
   * Whether {@code b} (a box of another scene of the same step) appears here as it is: the object with
   * its id when it has one, else any box of its type at its place.
   */
  boolean shows(Box b) {
    if (b.id >= 0) {
      Box mine = byId(b.id);
      if (mine != null) {
        return mine.sameAs(b);
      }
    }
    return boxes.stream().anyMatch(m -> m.sameAs(b));
  }
}
