package dev.nomos.runtime.trajectory;

import dev.nomos.runtime.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes trajectory records as JSON Lines v1 in canonical field order: {@code episode, t, action,
 * reward, done, objects} ({@code truncated: true} after {@code done} on a record cut by a step budget), and per object {@code id, type, x, y, w, h} and then its extra attributes
 * in their map order. An object without id is written without the {@code id} field.
 *
 * <p>A file is written atomically: records go to a temporary file in the target's directory, and
 * {@link #commit()} moves it over the target in one step. {@link #close()} without a commit
 * discards the temporary file and leaves any existing target untouched, so a failed recording
 * never leaves half a file behind:
 *
 * <pre>{@code
 * try (TrajectoryWriter out = TrajectoryWriter.create(path)) {   // ".gz" => gzip
 *   for (StepRecord r : records) out.write(r);
 *   out.commit();
 * }
 * }</pre>
 */
public final class TrajectoryWriter implements Closeable {
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final Writer out;
  private final JsonGenerator gen;
  private final Path target;
  private final Path temp;
  private boolean finished;

  private TrajectoryWriter(Writer out, Path target, Path temp) throws IOException {
    this.out = out;
    this.gen = JSON.createGenerator(out);
    this.gen.setRootValueSeparator(null);
    this.target = target;
    this.temp = temp;
  }

  /** Starts writing {@code file} (gzip when its name ends in {@code .gz}); nothing is visible before {@link #commit()}. */
  public static TrajectoryWriter create(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = AtomicFiles.createTempBeside(absolute);
    OutputStream os = null;
    try {
      os = TrajectoryFiles.maybeGzip(file, Files.newOutputStream(temp));
      Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
      return new TrajectoryWriter(w, absolute, temp);
    } catch (IOException | RuntimeException e) {
      if (os != null) {
        os.close();
      }
      AtomicFiles.discardTemp(temp);
      throw e;
    }
  }

  /**
   * Writes records to a character stream (such as standard output); {@link #commit()} flushes it and
   * {@link #close()} leaves it open.
   */
  public static TrajectoryWriter to(Writer writer) throws IOException {
    return new TrajectoryWriter(writer, null, null);
  }

  /** Writes all records to {@code file} atomically. */
  public static void writeAll(Path file, Iterable<StepRecord> records) throws IOException {
    try (TrajectoryWriter w = create(file)) {
      for (StepRecord r : records) {
        w.write(r);
      }
      w.commit();
    }
  }

  /** Appends one record as one line. */
  public void write(StepRecord r) throws IOException {
    write(r, Map.of());
  }

  /**
   * Appends one record with a {@code prediction} object after its objects: what a model said about it
   * (numbers by name, in the map's order; readers skip the field). Nothing is added when empty.
   */
  public void write(StepRecord r, Map<String, Double> prediction) throws IOException {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    gen.writeStartObject();
    gen.writeNumberField("episode", r.episode());
    gen.writeNumberField("t", r.t());
    if (r.action() == null) {
      gen.writeNullField("action");
    } else {
      gen.writeStringField("action", r.action());
    }
    gen.writeNumberField("reward", r.reward());
    gen.writeBooleanField("done", r.done());
    if (r.truncated()) {
      gen.writeBooleanField("truncated", true); // only cuts say so: a file without it reads as terminated episodes
    }
    gen.writeArrayFieldStart("objects");
    for (ObjectState o : r.objects()) {
      writeObject(o);
    }
    gen.writeEndArray();
    if (!prediction.isEmpty()) {
      gen.writeObjectFieldStart("prediction");
      for (Map.Entry<String, Double> e : prediction.entrySet()) {
        gen.writeNumberField(e.getKey(), e.getValue());
      }
      gen.writeEndObject();
    }
    gen.writeEndObject();
    gen.flush();
    out.write('\n');
  }

  private void writeObject(ObjectState o) throws IOException {
    gen.writeStartObject();
    if (o.id() != null) {
      gen.writeNumberField("id", o.id());
    }
    gen.writeStringField("type", o.type());
    gen.writeNumberField("x", o.x());
    gen.writeNumberField("y", o.y());
    gen.writeNumberField("w", o.w());
    gen.writeNumberField("h", o.h());
    for (Map.Entry<String, Object> e : o.attributes().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Integer i) {
        gen.writeNumberField(e.getKey(), i);
      } else if (v instanceof Boolean b) {
        gen.writeBooleanField(e.getKey(), b);
      } else {
        gen.writeStringField(e.getKey(), (String) v);
      }
    }
    gen.writeEndObject();
  }

  /** Finishes the file and moves it into place atomically (for a stream: flushes it). */
  public void commit() throws IOException {
    if (finished) {
      throw new IllegalStateException("writer already committed or closed");
    }
    gen.flush();
    if (temp == null) {
      out.flush();
      finished = true;
      return;
    }
    finished = true;
    try {
      out.close();
      AtomicFiles.replace(temp, target);
    } finally {
      AtomicFiles.discardTemp(temp);
    }
  }

  /** Discards the temporary file unless {@link #commit()} succeeded. */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    if (temp != null) {
      try {
        out.close();
      } finally {
        AtomicFiles.discardTemp(temp);
      }
    } else {
      gen.flush();
      out.flush();
    }
  }
}
