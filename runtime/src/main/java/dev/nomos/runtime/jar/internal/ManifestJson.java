package dev.nomos.runtime.jar.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.jar.ModelJarException;
import dev.nomos.runtime.jar.ModelManifest;
import dev.nomos.runtime.model.Floor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * model.json to and from {@link ModelManifest}. Reading is strict: every field is required and typed,
 * and an error names the field's path ({@code laws[3].weight}).
 */
public final class ManifestJson {
  private static final int MAX_NESTING = 16;
  /**
   * Duplicate keys are refused (which of two weights would count is not for a parser to guess) and
   * nesting is capped far below anything that could strain the parser: model.json is four levels deep.
   */
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
      .build()).enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  public static byte[] write(ModelManifest m) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", m.format());
    root.put("nomosVersion", m.nomosVersion());
    root.set("world", world(m.world()));
    ObjectNode options = root.putObject("options");
    options.put("nu", m.nu());
    options.put("lambda", m.lambda());
    ObjectNode floor = options.putObject("floor");
    m.floor().forEach(floor::put);
    ArrayNode classes = root.putArray("classes");
    for (ModelManifest.ClassEntry c : m.classes()) {
      ObjectNode n = classes.addObject();
      n.put("class", c.className());
      n.put("sha256", c.sha256());
    }
    ArrayNode laws = root.putArray("laws");
    for (ModelManifest.LawEntry law : m.laws()) {
      ObjectNode n = laws.addObject();
      n.put("name", law.name());
      n.put("class", law.className());
      n.put("weight", law.weight());
      ArrayNode ints = n.putArray("ints");
      for (int v : law.ints()) {
        ints.add(v);
      }
      ArrayNode doubles = n.putArray("doubles");
      for (double v : law.doubles()) {
        doubles.add(v);
      }
    }
    ArrayNode sources = root.putArray("sources");
    for (ModelManifest.SourceEntry s : m.sources()) {
      ObjectNode n = sources.addObject();
      n.put("path", s.path());
      n.put("sha256", s.sha256());
    }
    try {
      return MAPPER.writeValueAsString(root).concat("\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  private static ObjectNode world(WorldSchema w) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", w.name());
    n.put("screenWidth", w.screenWidth());
    n.put("screenHeight", w.screenHeight());
    n.put("velocityMin", w.velocityMin());
    n.put("velocityMax", w.velocityMax());
    n.put("contactGap", w.contactGap());
    ArrayNode actions = n.putArray("actions");
    w.actions().forEach(actions::add);
    ArrayNode entities = n.putArray("entities");
    for (EntityType t : w.types()) {
      ObjectNode e = entities.addObject();
      e.put("name", t.name());
      ArrayNode attributes = e.putArray("attributes");
      for (AttributeSpec a : t.extras()) {
        ObjectNode an = attributes.addObject();
        an.put("name", a.name());
        an.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (a.kind() == AttributeKind.INT) {
          an.put("min", a.min());
          an.put("max", a.max());
        } else if (a.kind() == AttributeKind.SYMBOL) {
          ArrayNode symbols = an.putArray("symbols");
          a.symbols().forEach(symbols::add);
          if (a.symbolType() != null) {
            an.put("symbolType", a.symbolType());
          }
        }
      }
    }
    return n;
  }

  public static ModelManifest read(byte[] json) throws ModelJarException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw new ModelJarException(ModelManifest.PATH + ": not valid JSON" + at + ": " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new ModelJarException(ModelManifest.PATH + ": cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ModelJarException(ModelManifest.PATH + ": must be a JSON object");
    }
    Reader r = new Reader();
    int format = r.integer(root, "format");
    if (format != ModelManifest.FORMAT) {
      throw new ModelJarException(ModelManifest.PATH + ": format " + format + " is not supported (this runtime reads "
          + ModelManifest.FORMAT + ")");
    }
    String version = r.text(root, "nomosVersion");
    WorldSchema world = r.world(r.object(root, "world"));
    JsonNode options = r.object(root, "options");
    double nu = r.number(options, "nu");
    if (!(nu > 0)) {
      throw Reader.error("options.nu", "must be a positive number, got " + nu);
    }
    double lambda = r.number(options, "lambda");
    if (!(lambda >= 0)) {
      throw Reader.error("options.lambda", "must be a non-negative number, got " + lambda);
    }
    Map<String, Double> floor = r.floor(options, world);
    List<ModelManifest.ClassEntry> classes = r.objects(root, "classes",
        c -> new ModelManifest.ClassEntry(r.name(c, "class"), r.text(c, "sha256")));
    List<ModelManifest.LawEntry> laws = r.objects(root, "laws",
        l -> new ModelManifest.LawEntry(r.name(l, "name"), r.name(l, "class"), r.number(l, "weight"),
            r.ints(l, "ints"), r.doubles(l, "doubles")));
    List<ModelManifest.SourceEntry> sources = r.objects(root, "sources",
        s -> new ModelManifest.SourceEntry(r.text(s, "path"), r.text(s, "sha256")));
    return new ModelManifest(format, version, world, nu, lambda, floor, classes, laws, sources);
  }

  /** Not a control character (C0, DEL, C1), a bidirectional control or a line or paragraph separator. */
  static boolean printable(int c) {
    int type = Character.getType(c);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR && type != Character.UNASSIGNED && type != Character.SURROGATE;
  }

  /** Reads one object of a model.json array. */
  @FunctionalInterface
  private interface ObjectReader<T> {
    T read(JsonNode object) throws ModelJarException;
  }

  /** Typed field access that remembers the path for error messages. */
  private static final class Reader {
    private final java.util.IdentityHashMap<JsonNode, String> paths = new java.util.IdentityHashMap<>();

    private String path(JsonNode parent, String field) {
      String p = paths.get(parent);
      return p == null ? field : p + "." + field;
    }

    private JsonNode field(JsonNode parent, String name) throws ModelJarException {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        throw error(path(parent, name), "is missing");
      }
      paths.put(n, path(parent, name));
      return n;
    }

    /**
     * {@code options.floor}: optional (jars written before floors have none), an object mapping
     * channels of the world to numbers in [0, 1).
     */
    Map<String, Double> floor(JsonNode options, WorldSchema world) throws ModelJarException {
      Map<String, Double> values = new LinkedHashMap<>();
      if (options.get("floor") == null) {
        return values;
      }
      JsonNode floor = typed(options, "floor", JsonNode::isObject, "must be an object");
      List<String> channels = Floor.channels(world);
      for (var it = floor.fields(); it.hasNext(); ) {
        var e = it.next();
        String p = path(floor, e.getKey());
        if (!channels.contains(e.getKey())) {
          throw error(p, "is no floor channel of the world (" + String.join(", ", channels) + ")");
        }
        double v = e.getValue().asDouble();
        if (!e.getValue().isNumber() || !(v >= 0 && v < 1)) {
          throw error(p, "must be a number in [0, 1)");
        }
        values.put(e.getKey(), v);
      }
      return values;
    }

    JsonNode element(JsonNode array, int i) throws ModelJarException {
      JsonNode n = array.get(i);
      String p = paths.get(array) + "[" + i + "]";
      if (!n.isObject()) {
        throw error(p, "must be an object");
      }
      paths.put(n, p);
      return n;
    }

    /** The field {@code name}, which must pass {@code valid}; otherwise the error says it {@code must}. */
    private JsonNode typed(JsonNode parent, String name, Predicate<JsonNode> valid, String must)
        throws ModelJarException {
      JsonNode n = field(parent, name);
      if (!valid.test(n)) {
        throw error(path(parent, name), must);
      }
      return n;
    }

    /** The elements of the array field {@code name}, each of which must pass {@code valid}. */
    private List<JsonNode> elements(JsonNode parent, String name, Predicate<JsonNode> valid, String must)
        throws ModelJarException {
      JsonNode n = array(parent, name);
      List<JsonNode> out = new ArrayList<>(n.size());
      for (int i = 0; i < n.size(); i++) {
        if (!valid.test(n.get(i))) {
          throw error(path(parent, name) + "[" + i + "]", must);
        }
        out.add(n.get(i));
      }
      return out;
    }

    /** Each object of the array field {@code name}, read by {@code read}. */
    <T> List<T> objects(JsonNode parent, String name, ObjectReader<T> read) throws ModelJarException {
      JsonNode n = array(parent, name);
      List<T> out = new ArrayList<>(n.size());
      for (int i = 0; i < n.size(); i++) {
        out.add(read.read(element(n, i)));
      }
      return out;
    }

    JsonNode object(JsonNode parent, String name) throws ModelJarException {
      return typed(parent, name, JsonNode::isObject, "must be an object");
    }

    JsonNode array(JsonNode parent, String name) throws ModelJarException {
      return typed(parent, name, JsonNode::isArray, "must be an array");
    }

    String text(JsonNode parent, String name) throws ModelJarException {
      return typed(parent, name, JsonNode::isTextual, "must be a string").asText();
    }

    int integer(JsonNode parent, String name) throws ModelJarException {
      return typed(parent, name, JsonNode::isInt, "must be an integer").asInt();
    }

    /** A finite number: {@code 1e400} parses as infinity, which no option, weight or constant may be. */
    double number(JsonNode parent, String name) throws ModelJarException {
      double v = typed(parent, name, JsonNode::isNumber, "must be a number").asDouble();
      if (!Double.isFinite(v)) {
        throw error(path(parent, name), "must be a finite number (it overflows a double)");
      }
      return v;
    }

    /**
     * A name shown to users (a law's, a class's): printable, so that a tampered model.json cannot
     * send escape sequences or bidirectional controls to a terminal through an error message.
     */
    String name(JsonNode parent, String name) throws ModelJarException {
      String text = text(parent, name);
      if (text.isEmpty() || text.length() > 1000 || !text.codePoints().allMatch(ManifestJson::printable)) {
        throw error(path(parent, name), "must be a non-empty printable name (no control characters)");
      }
      return text;
    }

    int[] ints(JsonNode parent, String name) throws ModelJarException {
      return elements(parent, name, JsonNode::isInt, "must be an integer").stream().mapToInt(JsonNode::asInt).toArray();
    }

    double[] doubles(JsonNode parent, String name) throws ModelJarException {
      return elements(parent, name, n -> n.isNumber() && Double.isFinite(n.asDouble()), "must be a finite number")
          .stream().mapToDouble(JsonNode::asDouble).toArray();
    }

    List<String> texts(JsonNode parent, String name) throws ModelJarException {
      return elements(parent, name, JsonNode::isTextual, "must be a string").stream().map(JsonNode::asText).toList();
    }

    WorldSchema world(JsonNode w) throws ModelJarException {
      List<EntityType> types = new ArrayList<>();
      JsonNode entities = array(w, "entities");
      for (int i = 0; i < entities.size(); i++) {
        JsonNode e = element(entities, i);
        List<AttributeSpec> extras = new ArrayList<>();
        JsonNode attributes = array(e, "attributes");
        for (int k = 0; k < attributes.size(); k++) {
          JsonNode a = element(attributes, k);
          String name = text(a, "name");
          String kind = text(a, "kind");
          try {
            extras.add(switch (kind) {
              case "int" -> AttributeSpec.ofInt(name, integer(a, "min"), integer(a, "max"));
              case "bool" -> AttributeSpec.ofBool(name);
              case "symbol" -> a.hasNonNull("symbolType")
                  ? AttributeSpec.ofSymbolType(name, text(a, "symbolType"), texts(a, "symbols"))
                  : AttributeSpec.ofSymbols(name, texts(a, "symbols"));
              default -> throw error(path(a, "kind"), "must be int, bool or symbol, got '" + kind + "'");
            });
          } catch (IllegalArgumentException bad) {
            throw error(paths.get(a), bad.getMessage());
          }
        }
        types.add(new EntityType(text(e, "name"), i, extras));
      }
      try {
        return new WorldSchema(text(w, "name"), integer(w, "screenWidth"), integer(w, "screenHeight"),
            integer(w, "velocityMin"), integer(w, "velocityMax"), texts(w, "actions"), types, integer(w, "contactGap"));
      } catch (IllegalArgumentException bad) {
        throw error("world", bad.getMessage());
      }
    }

    static ModelJarException error(String path, String message) {
      return new ModelJarException(ModelManifest.PATH + ": " + path + " " + message);
    }
  }
}
