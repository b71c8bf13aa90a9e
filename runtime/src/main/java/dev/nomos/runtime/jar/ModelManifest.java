package dev.nomos.runtime.jar;

import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code META-INF/nomos/model.json}: what a model jar claims to hold. The loader
 * checks every claim against the jar before it trusts any class.
 *
 * @param format the manifest format version ({@link #FORMAT})
 * @param nomosVersion the Nomos version that wrote the jar
 * @param world the world schema the laws were checked against
 * @param nu penalty of a value a law does not allow
 * @param lambda L1 penalty used when fitting the weights
 * @param laws the laws in model order
 * @param sources the {@code .law} sources the laws were compiled from
 */
public record ModelManifest(int format, String nomosVersion, WorldSchema world, double nu, double lambda,
    List<LawEntry> laws, List<SourceEntry> sources) {

  /** The manifest format this runtime reads and writes. */
  public static final int FORMAT = 1;
  /** Where the manifest lives inside the jar. */
  public static final String PATH = "META-INF/nomos/model.json";
  /** The directory of the bundled sources inside the jar. */
  public static final String SOURCES_DIR = "META-INF/nomos/sources/";

  /**
   * One law.
   *
   * @param name the law's name, which its class's {@code name()} must return
   * @param className the JVM internal name of its class ({@code nomos/model/L0_bounce})
   * @param weight its weight θ
   * @param classSha256 SHA-256 of the class file, lower-case hex
   */
  public record LawEntry(String name, String className, double weight, String classSha256) {
    public LawEntry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(className, "className");
      Objects.requireNonNull(classSha256, "classSha256");
    }

    /** The jar entry of the class file. */
    public String classEntry() {
      return className + ".class";
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
    laws = List.copyOf(laws);
    sources = List.copyOf(sources);
  }

  /** The weights in law order. */
  public double[] weights() {
    return laws.stream().mapToDouble(LawEntry::weight).toArray();
  }
}
