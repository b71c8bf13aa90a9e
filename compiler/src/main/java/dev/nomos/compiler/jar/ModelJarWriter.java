package dev.nomos.compiler.jar;

import dev.nomos.runtime.io.AtomicFiles;
import dev.nomos.compiler.codegen.CompiledLaws;
import dev.nomos.compiler.codegen.GeneratedLaw;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.jar.ModelManifest;
import dev.nomos.runtime.jar.ModelJarFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes model jars: the generated law classes under {@code nomos/model/} (one per law shape; laws
 * that differ only in constants share one), {@code META-INF/nomos/model.json} and the {@code .law}
 * sources; with {@link #standalone(boolean)}, also the runtime, stdlib and Jackson classes and a
 * {@code Main-Class}, so that {@code java -jar model.jar eval --data D.jsonl} runs alone. The jar is
 * written to a temporary file beside the target and moved into place atomically, so a failed write
 * never leaves a half jar.
 */
public final class ModelJarWriter {
  /** Package of the law classes inside model jars. */
  public static final String CLASS_PACKAGE = "nomos/model/";
  /** The entry point of standalone jars. */
  public static final String STANDALONE_MAIN = "dev.nomos.runtime.jar.StandaloneMain";

  private final WorldSchema world;
  private final List<LawPlan> plans = new ArrayList<>();
  private final List<Double> weights = new ArrayList<>();
  private final List<Source> sources = new ArrayList<>();
  private double nu = 10;
  private double lambda = 0.001;
  private Map<String, Double> floor = Map.of();
  private boolean standalone;

  private ModelJarWriter(WorldSchema world) {
    this.world = Objects.requireNonNull(world, "world");
  }

  /** A writer for a model of {@code world}, with no laws or sources yet. */
  public static ModelJarWriter forWorld(WorldSchema world) {
    return new ModelJarWriter(world);
  }

  /** Adds a law with its weight; laws keep the order they are added in. */
  public ModelJarWriter law(LawPlan plan, double weight) {
    plans.add(plan);
    weights.add(weight);
    return this;
  }

  /**
   * Adds a source file.
   *
   * @param path its path inside the jar's sources directory, '/'-separated and relative
   */
  public ModelJarWriter source(String path, String text) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).contains("..")) {
      throw new IllegalArgumentException("source path must be relative and stay inside the jar: " + path);
    }
    sources.add(new Source(path, text));
    return this;
  }

  /**
   * What model.json records as nu (the penalty of a value a law does not allow) and lambda (the L1
   * penalty of fitting).
   */
  public ModelJarWriter options(double nuValue, double lambdaValue) {
    this.nu = nuValue;
    this.lambda = lambdaValue;
    return this;
  }

  /** The floor's ε per channel that model.json records (the channels left out take the default). */
  public ModelJarWriter floor(Map<String, Double> values) {
    this.floor = new LinkedHashMap<>(values);
    return this;
  }

  /** Whether to bundle the runtime, stdlib and Jackson and a {@code Main-Class} (off by default). */
  public ModelJarWriter standalone(boolean value) {
    this.standalone = value;
    return this;
  }

  /**
   * A law that cannot become a class (over the JVM's 64 KB of code per method): a jar, unlike a
   * model run in-process, has no interpreter to fall back on. Names the law so the caller can point
   * at its source.
   */
  public static final class UncompilableLawException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String lawName;

    UncompilableLawException(String lawName, String message) {
      super(message);
      this.lawName = lawName;
    }

    public String lawName() {
      return lawName;
    }
  }

  /** Generates the classes and writes the jar atomically; returns what model.json says. */
  public ModelManifest write(Path out) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    List<ModelManifest.ClassEntry> classEntries = new ArrayList<>();
    List<ModelManifest.LawEntry> lawEntries = compileLaws(classEntries, entries);
    List<ModelManifest.SourceEntry> sourceEntries = sourceEntries(entries);
    ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, nomosVersion(), world, nu, lambda, floor, classEntries,
        lawEntries, sourceEntries);
    writeAtomically(out, ModelJarFormat.manifestJson(manifest), entries);
    return manifest;
  }

  /**
   * One law entry per law, in order; each new shape's class goes to {@code classEntries} and its
   * bytes to {@code entries}. Laws of one shape share a class: each law is generated under a
   * placeholder name to find its shape, and each new shape once more under its real name.
   */
  private List<ModelManifest.LawEntry> compileLaws(List<ModelManifest.ClassEntry> classEntries,
      Map<String, byte[]> entries) {
    Map<ByteBuffer, String> classOfShape = new HashMap<>();
    List<ModelManifest.LawEntry> lawEntries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < plans.size(); i++) {
      LawPlan plan = plans.get(i);
      if (!names.add(plan.name())) {
        throw new IllegalArgumentException("two laws are named " + plan.name());
      }
      GeneratedLaw shape;
      try {
        shape = CompiledLaws.classFile(plan, CLASS_PACKAGE + "Shape");
      } catch (IllegalArgumentException tooLarge) {
        throw new UncompilableLawException(plan.name(), tooLarge.getMessage());
      }
      String className = classOfShape.get(ByteBuffer.wrap(shape.classFile()));
      if (className == null) {
        className = CLASS_PACKAGE + "Law" + classEntries.size();
        classOfShape.put(ByteBuffer.wrap(shape.classFile()), className);
        byte[] bytes = CompiledLaws.classFile(plan, className).classFile();
        ModelManifest.ClassEntry entry = new ModelManifest.ClassEntry(className, ModelJarFormat.sha256(bytes));
        classEntries.add(entry);
        entries.put(entry.entry(), bytes);
      }
      lawEntries.add(new ModelManifest.LawEntry(plan.name(), className, weights.get(i), shape.ints(),
          shape.doubles()));
    }
    return lawEntries;
  }

  /** One entry per source, in order, with its UTF-8 bytes added to {@code entries}. */
  private List<ModelManifest.SourceEntry> sourceEntries(Map<String, byte[]> entries) {
    List<ModelManifest.SourceEntry> sourceEntries = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (Source s : sources) {
      if (!paths.add(s.path())) {
        throw new IllegalArgumentException("two sources have the path " + s.path());
      }
      byte[] bytes = s.text().getBytes(StandardCharsets.UTF_8);
      ModelManifest.SourceEntry entry = new ModelManifest.SourceEntry(s.path(), ModelJarFormat.sha256(bytes));
      sourceEntries.add(entry);
      entries.put(entry.entry(), bytes);
    }
    return sourceEntries;
  }

  /** model.json first, then {@code entries} in order, then the bundled runtime if standalone. */
  private void writeAtomically(Path out, byte[] modelJson, Map<String, byte[]> entries) throws IOException {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    AtomicFiles.write(target, file -> {
      try (JarOutputStream jar = new JarOutputStream(file)) {
        // Written as an entry of its own, not by JarOutputStream's constructor, which stamps it with the time.
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        jarManifest().write(manifest);
        put(jar, JarFile.MANIFEST_NAME, manifest.toByteArray());
        put(jar, ModelManifest.PATH, modelJson);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          put(jar, e.getKey(), e.getValue());
        }
        if (standalone) {
          StandaloneBundle.copyInto(jar);
        }
      }
    });
  }

  private Manifest jarManifest() {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(new Attributes.Name("Created-By"), "Nomos " + nomosVersion());
    if (standalone) {
      m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, STANDALONE_MAIN);
    }
    return m;
  }

  static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    JarEntry e = new JarEntry(name);
    e.setTime(0); // reproducible jars: the same sources give the same bytes
    jar.putNextEntry(e);
    jar.write(bytes);
    jar.closeEntry();
  }

  /** The version of this Nomos build, as recorded in its jar manifest ("dev" when run from classes). */
  public static String nomosVersion() {
    String v = ModelJarWriter.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private record Source(String path, String text) {}
}
