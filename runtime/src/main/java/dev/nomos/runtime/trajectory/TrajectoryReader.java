package dev.nomos.runtime.trajectory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.Closeable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Streams the records of a trajectory file (JSON Lines v1; {@code .jsonl.gz} is read through gzip).
 * Each record is checked completely: a bad record throws a {@link TrajectoryFormatException} naming
 * file, line and field, and nothing is guessed. Blank lines are skipped.
 *
 * <p>Checks beyond the shape of one record: ids unique within a record, either every object of a
 * record has an id or none has; within an episode {@code t} grows by exactly 1 per record; episodes
 * never go back; a record after {@code done: true} starts a new episode. A record without
 * {@code episode} continues the previous record's episode, or starts the next one after a
 * {@code done} record (the first record is episode 0). {@code w}/{@code h} default to 1,
 * {@code reward} to 0, {@code done} and {@code truncated} to false, {@code action} to null.
 *
 * <pre>{@code
 * try (TrajectoryReader in = TrajectoryReader.open(path)) {
 *   for (StepRecord r; (r = in.read()) != null; ) { ... in.line() ... }
 * }
 * }</pre>
 */
public final class TrajectoryReader implements Closeable {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final String RECORD_FIELDS = "episode, t, action, reward, done, truncated, objects, prediction";

  /**
   * The longest record line read: room for a frame of about a million objects, and a cap that a
   * gzip bomb without newlines hits long before memory runs out.
   */
  public static final int MAX_LINE_CHARS = 64 << 20;

  private final BoundedLineReader in;
  private final Path file;
  /** The gzip stream under {@link #in}, to tell a truncated file from a complete one; null for plain text. */
  private final CutOffGuard gzip;
  private int lineNumber;
  private int recordLine;
  private boolean hasPrevious;
  private int previousEpisode;
  private int previousT;
  private boolean previousDone;

  private TrajectoryReader(BoundedLineReader in, Path file, CutOffGuard gzip) {
    this.in = in;
    this.file = file;
    this.gzip = gzip;
  }

  /** Opens a trajectory file; gzip when the name ends in {@code .gz}. */
  public static TrajectoryReader open(Path file) throws IOException {
    InputStream bytes = TrajectoryFiles.openStream(file);
    BoundedLineReader text = new BoundedLineReader(new InputStreamReader(bytes, StandardCharsets.UTF_8));
    return new TrajectoryReader(text, file, bytes instanceof CutOffGuard g ? g : null);
  }

  /**
   * Reads records from a character stream; {@code name} is used in error messages as the file
   * (it may be null).
   */
  public static TrajectoryReader of(Reader reader, Path name) {
    return new TrajectoryReader(new BoundedLineReader(reader), name, null);
  }

  /** Reads a whole file into memory. */
  public static List<StepRecord> readAll(Path file) throws IOException {
    try (TrajectoryReader r = open(file)) {
      List<StepRecord> out = new ArrayList<>();
      for (StepRecord s; (s = r.read()) != null; ) {
        out.add(s);
      }
      return out;
    }
  }

  /** The file being read (null for an anonymous reader). */
  public Path file() {
    return file;
  }

  /** The 1-based line of the record last returned by {@link #read()}. */
  public int line() {
    return recordLine;
  }

  /**
   * The next record, or null at the end of the input.
   *
   * @throws TrajectoryFormatException if the record is malformed or does not follow the previous one
   */
  public StepRecord read() throws IOException {
    String text;
    do {
      text = readLine();
      if (text == null) {
        return null;
      }
      lineNumber++;
    } while (text.isBlank());
    recordLine = lineNumber;
    StepRecord r = parse(text);
    checkSequence(r);
    return r;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * The next line. Where a gzip file breaks off, the records before the cut are returned and the cut
   * is reported at the line it falls in (the last, incomplete one, or the one after the last).
   */
  private String readLine() throws IOException {
    String line;
    try {
      line = in.readLine(MAX_LINE_CHARS);
    } catch (BoundedLineReader.LineTooLongException e) {
      throw new TrajectoryFormatException(file, lineNumber + 1, null, e.getMessage());
    } catch (ZipException e) {
      throw new TrajectoryFormatException(file, lineNumber + 1, null, "corrupt gzip data: " + e.getMessage());
    } catch (IOException e) {
      String where = (file == null ? "<input>" : file.toString()) + ":" + (lineNumber + 1);
      throw new IOException(where + ": " + e.getMessage(), e);
    }
    if (line != null && lineNumber == 0 && line.startsWith("\uFEFF")) {
      line = line.substring(1); // A byte order mark, as some Windows tools write before UTF-8 text.
    }
    if (gzip != null && gzip.cutOff() && (line == null || atEnd())) {
      throw new TrajectoryFormatException(file, lineNumber + 1, null,
          "the gzip data ends early: the file is truncated (the lines before this one are intact)");
    }
    return line;
  }

  private boolean atEnd() throws IOException {
    return in.atEnd();
  }

  private void checkSequence(StepRecord r) {
    if (hasPrevious) {
      if (r.episode() < previousEpisode) {
        throw error("episode", "episode " + r.episode() + " follows episode " + previousEpisode
            + "; episodes must not go back");
      }
      if (r.episode() == previousEpisode) {
        if (previousDone) {
          throw error("episode", "episode " + r.episode()
              + " already ended (the previous record has done: true); expected episode " + (r.episode() + 1));
        }
        if (r.t() != previousT + 1) {
          throw error("t", "expected " + (previousT + 1) + " (one more than the previous record of episode "
              + r.episode() + "), got " + r.t());
        }
      }
    }
    hasPrevious = true;
    previousEpisode = r.episode();
    previousT = r.t();
    previousDone = r.done();
  }

  private StepRecord parse(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      return parseRecord(p);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      throw new TrajectoryFormatException(file, recordLine, null, "malformed JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      // A parser over a String does no I/O; anything else is a JSON problem.
      throw new TrajectoryFormatException(file, recordLine, null, "malformed JSON: " + e.getMessage());
    }
  }

  private StepRecord parseRecord(JsonParser p) throws IOException {
    JsonToken tok = p.nextToken();
    if (tok != JsonToken.START_OBJECT) {
      throw error(null, "expected a JSON object, got " + describe(p, tok));
    }
    Integer episode = null;
    Integer t = null;
    String action = null;
    double reward = 0;
    boolean done = false;
    boolean truncated = false;
    List<ObjectState> objects = null;
    while ((tok = p.nextToken()) != JsonToken.END_OBJECT) {
      String name = p.currentName();
      tok = p.nextToken();
      switch (name) {
        case "episode" -> episode = readNonNegativeInt(p, tok, "episode");
        case "t" -> t = readNonNegativeInt(p, tok, "t");
        case "action" -> {
          if (tok == JsonToken.VALUE_STRING) {
            action = p.getText();
          } else if (tok != JsonToken.VALUE_NULL) {
            throw error("action", "expected a string or null, got " + describe(p, tok));
          }
        }
        case "reward" -> {
          if (tok != JsonToken.VALUE_NUMBER_INT && tok != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error("reward", "expected a number, got " + describe(p, tok));
          }
          reward = p.getDoubleValue();
        }
        case "done" -> {
          if (tok != JsonToken.VALUE_TRUE && tok != JsonToken.VALUE_FALSE) {
            throw error("done", "expected true or false, got " + describe(p, tok));
          }
          done = tok == JsonToken.VALUE_TRUE;
        }
        case "truncated" -> {
          if (tok != JsonToken.VALUE_TRUE && tok != JsonToken.VALUE_FALSE) {
            throw error("truncated", "expected true or false, got " + describe(p, tok));
          }
          truncated = tok == JsonToken.VALUE_TRUE;
        }
        case "objects" -> objects = readObjects(p, tok);
        case "prediction" -> {
          // What a model said about a simulated record (nomos simulate): not part of the trajectory.
          if (tok != JsonToken.START_OBJECT) {
            throw error("prediction", "expected an object, got " + describe(p, tok));
          }
          p.skipChildren();
        }
        default -> throw error(name, "unknown field (a record has " + RECORD_FIELDS + ")");
      }
    }
    if (p.nextToken() != null) {
      throw error(null, "unexpected content after the record's closing brace");
    }
    if (t == null) {
      throw error("t", "missing (every record needs its step number)");
    }
    if (objects == null) {
      throw error("objects", "missing (every record needs its list of objects)");
    }
    if (truncated && !done) {
      throw error("truncated", "true on a record that is not done; a cut ends the episode, so set done: true too");
    }
    if (episode == null) {
      episode = !hasPrevious ? 0 : previousDone ? previousEpisode + 1 : previousEpisode;
    }
    return new StepRecord(episode, t, action, reward, done, truncated, objects);
  }

  private List<ObjectState> readObjects(JsonParser p, JsonToken tok) throws IOException {
    if (tok != JsonToken.START_ARRAY) {
      throw error("objects", "expected an array of objects, got " + describe(p, tok));
    }
    List<ObjectState> objects = new ArrayList<>();
    Map<Integer, Integer> indexOfId = new HashMap<>();
    int withoutId = -1;
    int k = 0;
    while ((tok = p.nextToken()) != JsonToken.END_ARRAY) {
      String at = "objects[" + k + "]";
      ObjectState o = readObject(p, tok, at);
      if (o.id() == null) {
        withoutId = k;
        if (!indexOfId.isEmpty()) {
          throw error(at + ".id", "missing, but objects[" + indexOfId.values().iterator().next()
              + "] has one; a record gives ids to all of its objects or to none");
        }
      } else {
        if (withoutId >= 0) {
          throw error(at + ".id", "present, but objects[" + withoutId
              + "] has none; a record gives ids to all of its objects or to none");
        }
        Integer before = indexOfId.putIfAbsent(o.id(), k);
        if (before != null) {
          throw error(at + ".id", "duplicate id " + o.id() + " (objects[" + before + "] has it too)");
        }
      }
      objects.add(o);
      k++;
    }
    return objects;
  }

  private ObjectState readObject(JsonParser p, JsonToken tok, String at) throws IOException {
    if (tok != JsonToken.START_OBJECT) {
      throw error(at, "expected an object, got " + describe(p, tok));
    }
    Integer id = null;
    String type = null;
    Integer x = null;
    Integer y = null;
    int w = 1;
    int h = 1;
    Map<String, Object> extras = new LinkedHashMap<>();
    while ((tok = p.nextToken()) != JsonToken.END_OBJECT) {
      String name = p.currentName();
      tok = p.nextToken();
      String field = at + "." + name;
      switch (name) {
        case "id" -> id = tok == JsonToken.VALUE_NULL ? null : readInt(p, tok, field);
        case "type" -> {
          if (tok != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
            throw error(field, "expected a non-empty string, got " + describe(p, tok));
          }
          type = p.getText();
        }
        case "x" -> x = readInt(p, tok, field);
        case "y" -> y = readInt(p, tok, field);
        case "w" -> w = readNonNegativeInt(p, tok, field);
        case "h" -> h = readNonNegativeInt(p, tok, field);
        default -> extras.put(name, readExtra(p, tok, field));
      }
    }
    if (type == null) {
      throw error(at + ".type", "missing (every object needs a type)");
    }
    if (x == null) {
      throw error(at + ".x", "missing (every object needs integer x and y)");
    }
    if (y == null) {
      throw error(at + ".y", "missing (every object needs integer x and y)");
    }
    return new ObjectState(id, type, x, y, w, h, extras);
  }

  private Object readExtra(JsonParser p, JsonToken tok, String field) throws IOException {
    switch (tok) {
      case VALUE_NUMBER_INT:
        return readInt(p, tok, field);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_STRING:
        return p.getText();
      default:
        throw error(field, "expected an integer, a boolean or a string, got " + describe(p, tok));
    }
  }

  private int readNonNegativeInt(JsonParser p, JsonToken tok, String field) throws IOException {
    int v = readInt(p, tok, field);
    if (v < 0) {
      throw error(field, "expected a non-negative integer, got " + v);
    }
    return v;
  }

  private int readInt(JsonParser p, JsonToken tok, String field) throws IOException {
    if (tok != JsonToken.VALUE_NUMBER_INT) {
      throw error(field, "expected an integer, got " + describe(p, tok));
    }
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      throw error(field, "integer " + p.getText() + " is out of range");
    }
    return p.getIntValue();
  }

  private static String describe(JsonParser p, JsonToken tok) throws IOException {
    if (tok == null) {
      return "nothing";
    }
    switch (tok) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return quote(p.getText());
      default:
        return p.getText();
    }
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length() && i < 40; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append(s.length() > 40 ? "...\"" : "\"").toString();
  }

  private TrajectoryFormatException error(String field, String problem) {
    return new TrajectoryFormatException(file, recordLine, field, problem);
  }
}
