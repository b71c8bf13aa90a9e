package dev.nomos.serve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.ReadMode;
import dev.nomos.runtime.trajectory.StepRecord;
import dev.nomos.runtime.trajectory.Tracker;
import dev.nomos.runtime.trajectory.TrajectoryFormatException;
import dev.nomos.serve.RpcError;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the frames of a request: {@code frame} (a trajectory record) with its optional
 * {@code history} (the records before it, oldest first) into one linked {@link Frame} of the model's
 * world. Each record is checked as a line of a trajectory file is ({@link RecordTree} reads it from the
 * request's tree, with the trajectory reader's checks), strictly against the world: a type, attribute, symbol or action the world does not declare is
 * an error naming the field, so a frame of another world is refused rather than half read. A record
 * without {@code t} follows the record before it (the first is step 0); records without ids get
 * them from the tracker, as a recording without ids does.
 */
public final class FrameInput {
  private final WorldSchema schema;
  /** Strict, so it keeps no state between records (open codecs collect warnings and undeclared names). */
  private final FrameCodec codec;

  public FrameInput(WorldSchema schema) {
    this.schema = schema;
    this.codec = new FrameCodec(schema, ReadMode.STRICT);
  }

  /** A frame of the request, the step and episode of its record, and the field that gave it. */
  public record Read(Frame frame, int t, int episode, String field) {}

  /** The frame named {@code frameField} in {@code params}, linked to {@code history} when given. */
  public Read read(Params params, String frameField, String historyField) {
    List<JsonNode> records = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (historyField != null && params.optional(historyField) != null && !params.optional(historyField).isNull()) {
      List<JsonNode> history = params.array(historyField);
      for (int k = 0; k < history.size(); k++) {
        records.add(history.get(k));
        names.add(params.field(historyField) + "[" + k + "]");
      }
    }
    records.add(params.required(frameField));
    names.add(params.field(frameField));
    return read(records, names);
  }

  /** The frame that follows {@code before} (its record named {@code field}): the observed next frame of a score. */
  public Frame readNext(Read before, JsonNode record, String field) {
    List<StepRecord> parsed = parse(List.of(record), List.of(field), before.t() + 1);
    StepRecord r = parsed.get(0);
    if (r.t() != before.t() + 1) {
      throw RpcError.invalidParam(field + ".t", "expected " + (before.t() + 1) + " (one more than the frame's), got " + r.t());
    }
    if (!r.objects().isEmpty() && r.objects().get(0).id() == null) {
      throw RpcError.invalidParam(field + ".objects[0].id", "missing; the observed next frame needs the ids of the"
          + " frame's objects, so that the model can tell which object is which");
    }
    return encode(r, before.frame(), field);
  }

  private Read read(List<JsonNode> records, List<String> names) {
    List<StepRecord> parsed = parse(records, names, 0);
    int episode = parsed.get(parsed.size() - 1).episode();
    Tracker tracker = new Tracker(schema.velocityMin(), schema.velocityMax());
    Frame frame = null;
    for (int k = 0; k < parsed.size(); k++) {
      StepRecord r = parsed.get(k);
      if (r.episode() != episode) {
        throw RpcError.invalidParam(names.get(k) + ".episode", "episode " + r.episode() + ", but the frame is of episode "
            + episode + "; the history holds records of the frame's episode only");
      }
      frame = encode(tracker.track(r), frame, names.get(k));
    }
    StepRecord last = parsed.get(parsed.size() - 1);
    return new Read(frame, last.t(), last.episode(), names.get(names.size() - 1));
  }

  private Frame encode(StepRecord record, Frame previous, String name) {
    try {
      return codec.encode(record, previous, null, 1);
    } catch (TrajectoryFormatException e) {
      throw RpcError.invalidParam(e.field() == null ? name : name + "." + e.field(), e.problem());
    }
  }

  /**
   * Reads the records from the request's tree, checked as a file's lines are (and ordered: within an
   * episode {@code t} grows by one). A missing {@code t} continues from the record before, or is
   * {@code firstT}; a missing {@code episode} is the record before's (the next one after a done).
   */
  private static List<StepRecord> parse(List<JsonNode> records, List<String> names, int firstT) {
    List<StepRecord> out = new ArrayList<>(records.size());
    StepRecord previous = null;
    for (int k = 0; k < records.size(); k++) {
      String name = names.get(k);
      int defaultEpisode = previous == null ? 0 : previous.done() ? previous.episode() + 1 : previous.episode();
      StepRecord r = RecordTree.read(records.get(k), name, previous == null ? firstT : previous.t() + 1, defaultEpisode);
      if (previous != null) {
        if (r.episode() < previous.episode()) {
          throw RpcError.invalidParam(name + ".episode", "episode " + r.episode() + " follows episode "
              + previous.episode() + "; episodes must not go back");
        }
        if (r.episode() == previous.episode()) {
          if (previous.done()) {
            throw RpcError.invalidParam(name + ".episode", "episode " + r.episode()
                + " already ended (the previous record has done: true); expected episode " + (r.episode() + 1));
          }
          if (r.t() != previous.t() + 1) {
            throw RpcError.invalidParam(name + ".t", "expected " + (previous.t() + 1)
                + " (one more than the previous record of episode " + r.episode() + "), got " + r.t());
          }
        }
      }
      out.add(r);
      previous = r;
    }
    return out;
  }
}
