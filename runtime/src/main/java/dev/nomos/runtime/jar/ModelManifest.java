package dev.nomos.runtime.jar;

import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of {@code META-INF/nomos/model.json}: what a model jar claims to hold. The loader
 * checks every claim against the jar before it trusts any class.
 *
 * <p>Laws that differ only in their constants share one generated class; each law names its class
 * and carries the constants its instance is built with ({@code new C(name, ints, doubles)}).
 *
 * @param format the manifest format version ({@link #FORMAT})
 * @param nomosVersion the Nomos version that wrote the jar
 * @param world the world schema the laws were checked against
 * @param nu penalty of a value a law does not allow
 * @param lambda L1 penalty used when fitting the weights
 * @param floor the floor's ε per channel as fitted or written ({@link Floor}; the channels left
 *     out take {@link Floor#DEFAULT}); model.json's {@code options.floor}, empty in jars written
 *     before floors existed
 * @param classes the law classes in the jar
 * @param laws the laws in model order
 * @param sources the {@code .law} sources the laws were compiled from
 */
public record ModelManifest(int format, String nomosVersion, WorldSchema world, double nu, double lambda,
    Map<String, Double> floor, List<ClassEntry> classes, List<LawEntry> laws, List<SourceEntry> sources) {

  /** The manifest format this runtime reads and writes. */
  public static final int FORMAT = 1;
  /** Where the manifest lives inside the jar. */
  public static final String PATH = "META-INF/nomos/model.json";
  /** The directory of the bundled sources inside the jar. */
  public static final String SOURCES_DIR = "META-INF/nomos/sources/";

  /**
   * One generated class.
   *
   * @param className its JVM internal name ({@code nomos/model/Law0})
   * @param sha256 SHA-256 of the class file, lower-case hex
   */
  public record ClassEntry(String className, String sha256) {
    public ClassEntry {
      Objects.requireNonNull(className, "className");
      Objects.requireNonNull(sha256, "sha256");
    }

    /** The jar entry of the class file. */
    public String entry() {
      return className + ".class";
    }
  }

  /**
   * One law.
   *
   * @param name the law's name, which its instance's {@code name()} must return
   * @param className the internal name of its class, one of {@link #classes()}
   * @param weight its weight θ
   * @param ints its int constants, the constructor's second argument
   * @param doubles its choice weights, the constructor's third argument
   */
  public record LawEntry(String name, String className, double weight, int[] ints, double[] doubles) {
    public LawEntry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(className, "className");
      ints = ints.clone();
      doubles = doubles.clone();
    }

    @Override public int[] ints() { return ints.clone(); }

    @Override public double[] doubles() { return doubles.clone(); }

    @Override public boolean equals(Object o) {
      return o instanceof LawEntry e && name.equals(e.name) && className.equals(e.className)
          && Double.compare(weight, e.weight) == 0 && Arrays.equals(ints, e.ints) && Arrays.equals(doubles, e.doubles);
    }

    @Override public int hashCode() {
      return Objects.hash(name, className, weight, Arrays.hashCode(ints), Arrays.hashCode(doubles));
    }

    @Override public String toString() {
      return "LawEntry[" + name + ", " + className + ", weight " + weight + "]";
    }
  }

  /**
   * One bundled source.
   *
   * @param path its path inside {@link #SOURCES_DIR}, with '/' separators
   * @param sha256 SHA-256 of its UTF-8 bytes, lower-case hex
   */
  public record SourceEntry(String path, String sha256) {
    public SourceEntry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha256, "sha256");
    }

    public String entry() {
      return SOURCES_DIR + path;
    }
  }

  public ModelManifest {
    Objects.requireNonNull(nomosVersion, "nomosVersion");
    Objects.requireNonNull(world, "world");
    floor = Collections.unmodifiableMap(new LinkedHashMap<>(floor));
    classes = List.copyOf(classes);
    laws = List.copyOf(laws);
    sources = List.copyOf(sources);
  }

  /** The weights in law order. */
  public double[] weights() {
    return laws.stream().mapToDouble(LawEntry::weight).toArray();
  }

  /** The same manifest with other weights (law order). */
  public ModelManifest withWeights(double[] weights) {
    if (weights.length != laws.size()) {
      throw new IllegalArgumentException(laws.size() + " laws but " + weights.length + " weights");
    }
    List<LawEntry> updated = new java.util.ArrayList<>();
    for (int i = 0; i < laws.size(); i++) {
      LawEntry l = laws.get(i);
      updated.add(new LawEntry(l.name(), l.className(), weights[i], l.ints, l.doubles));
    }
    return new ModelManifest(format, nomosVersion, world, nu, lambda, floor, classes, updated, sources);
  }
}
