package dev.nomos.runtime.jar;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.jar.internal.BundledLibraries;
import dev.nomos.runtime.jar.internal.ClassFileSummary;
import dev.nomos.runtime.jar.internal.ContainedLaw;
import dev.nomos.runtime.io.Printable;
import dev.nomos.runtime.jar.internal.Hashes;
import dev.nomos.runtime.jar.internal.ManifestJson;
import dev.nomos.runtime.jar.internal.ModelClassLoader;
import dev.nomos.runtime.jar.internal.ReferencePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads model jars written by {@code nomos compile} or {@code nomos fit}. Only the runtime and the
 * stdlib need to be on the class path.
 *
 * <p>Nothing from the jar runs before it is checked: model.json is parsed strictly; every class it
 * lists must be present with the recorded SHA-256, named as recorded, extend {@code Object},
 * implement only {@code dev.nomos.runtime.Law}, and refer to nothing outside
 * {@code ReferencePolicy} (checked on the constant pool and descriptors by a small class-file
 * reader, before the class is defined); the jar may hold no other class, and every listed class must
 * be used by a law; every listed source must be present with its hash. Each law is then built as
 * {@code new C(name, ints, doubles)} from its model.json entry, and its {@code name()} must be the
 * name model.json gives it.
 */
public final class ModelJar {
  /** Model jars larger than this are refused before reading (a guard against zip bombs). */
  public static final long MAX_ENTRY_BYTES = 64L << 20;

  /** The one constructor of generated law classes: {@code (String name, int[] ints, double[] doubles)}. */
  private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, String.class, int[].class,
      double[].class);

  private ModelJar() {}

  /** Loads and verifies a model jar; the error names the jar, the entry and what is wrong with it. */
  public static LoadedModel load(Path jar) throws ModelJarException {
    Map<String, byte[]> entries = readEntries(jar);
    byte[] json = entries.get(ModelManifest.PATH);
    if (json == null) {
      throw new ModelJarException(jar + ": not a model jar (no " + ModelManifest.PATH + ")");
    }
    ModelManifest manifest;
    try {
      manifest = ManifestJson.read(json);
    } catch (ModelJarException e) {
      throw new ModelJarException(jar + ": " + e.getMessage());
    }
    return load(jar.toString(), entries, manifest, ModelJar.class.getClassLoader());
  }

  private static LoadedModel load(String where, Map<String, byte[]> entries, ModelManifest manifest,
      ClassLoader parent) throws ModelJarException {
    Map<String, byte[]> verified = verifiedClasses(where, entries, manifest);
    refuseUnlistedClasses(where, entries, verified);
    checkClassUse(where, manifest, verified);
    verifySources(where, entries, manifest);
    List<Law> laws = instantiate(where, manifest, new ModelClassLoader(parent, verified));
    return new LoadedModel(manifest.world(), laws, manifest);
  }

  /** The listed classes by binary name, each present, matching its hash and passing {@link #verify}. */
  private static Map<String, byte[]> verifiedClasses(String where, Map<String, byte[]> entries,
      ModelManifest manifest) throws ModelJarException {
    Map<String, byte[]> verified = new HashMap<>();
    for (ModelManifest.ClassEntry c : manifest.classes()) {
      byte[] bytes = entries.get(c.entry());
      if (bytes == null) {
        throw new ModelJarException(where + ": class " + c.className() + " named in model.json is missing from the jar");
      }
      if (!Hashes.sha256(bytes).equals(c.sha256())) {
        throw new ModelJarException(where + ": class " + c.className()
            + " does not match the SHA-256 that model.json records for it");
      }
      verify(where, c, bytes);
      if (verified.put(binaryName(c.className()), bytes) != null) {
        throw new ModelJarException(where + ": model.json lists class " + c.className() + " twice");
      }
    }
    return verified;
  }

  /**
   * A class in the jar that model.json does not list would escape verification; standalone jars'
   * bundled runtime, stdlib and Jackson are not laws and are exempt.
   */
  private static void refuseUnlistedClasses(String where, Map<String, byte[]> entries, Map<String, byte[]> verified)
      throws ModelJarException {
    for (String entry : entries.keySet()) {
      if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && !BundledLibraries.contains(entry)
          && !verified.containsKey(binaryName(entry.substring(0, entry.length() - ".class".length())))) {
        throw new ModelJarException(where + ": class " + entry + " is in the jar but not in model.json");
      }
    }
  }

  /** Law names are unique, every law's class is listed, and every listed class is some law's. */
  private static void checkClassUse(String where, ModelManifest manifest, Map<String, byte[]> verified)
      throws ModelJarException {
    Set<String> names = new HashSet<>();
    Set<String> used = new HashSet<>();
    for (ModelManifest.LawEntry law : manifest.laws()) {
      if (!names.add(law.name())) {
        throw new ModelJarException(where + ": model.json lists law " + law.name() + " twice");
      }
      if (!verified.containsKey(binaryName(law.className()))) {
        throw new ModelJarException(where + ": law " + law.name() + " names class " + law.className()
            + ", which model.json does not list");
      }
      used.add(binaryName(law.className()));
    }
    for (ModelManifest.ClassEntry c : manifest.classes()) {
      if (!used.contains(binaryName(c.className()))) {
        throw new ModelJarException(where + ": class " + c.className() + " is listed but no law uses it");
      }
    }
  }

  private static void verifySources(String where, Map<String, byte[]> entries, ModelManifest manifest)
      throws ModelJarException {
    for (ModelManifest.SourceEntry source : manifest.sources()) {
      byte[] text = entries.get(source.entry());
      if (text == null) {
        throw new ModelJarException(where + ": source " + source.path() + " named in model.json is missing");
      }
      if (!Hashes.sha256(text).equals(source.sha256())) {
        throw new ModelJarException(where + ": source " + source.path()
            + " does not match the SHA-256 model.json records");
      }
    }
  }

  /** One law per model.json entry, in order, each built by its class and answering to its name. */
  private static List<Law> instantiate(String where, ModelManifest manifest, ClassLoader loader)
      throws ModelJarException {
    Map<String, MethodHandle> constructors = new HashMap<>();
    List<Law> laws = new ArrayList<>();
    for (ModelManifest.LawEntry entry : manifest.laws()) {
      MethodHandle constructor = constructors.get(entry.className());
      if (constructor == null) {
        constructor = constructor(where, loader, entry.className());
        constructors.put(entry.className(), constructor);
      }
      Law law;
      String built;
      try {
        law = (Law) constructor.invoke(entry.name(), entry.ints(), entry.doubles());
        built = law.name();
      } catch (Throwable e) {
        throw new ModelJarException(where + ": law " + entry.name() + " (class " + entry.className()
            + ") cannot be built from the constants model.json gives it: " + ContainedLaw.describe(e));
      }
      if (!entry.name().equals(built)) {
        throw new ModelJarException(where + ": class " + entry.className() + " built law '"
            + Printable.of(String.valueOf(built), 200) + "' when model.json says '" + entry.name() + "'");
      }
      laws.add(new ContainedLaw(law, entry.name()));
    }
    return laws;
  }

  private static String binaryName(String internalName) {
    return internalName.replace('/', '.');
  }

  private static void verify(String where, ModelManifest.ClassEntry entry, byte[] bytes) throws ModelJarException {
    ClassFileSummary c;
    try {
      c = ClassFileSummary.read(bytes);
    } catch (IllegalArgumentException e) {
      throw new ModelJarException(where + ": class " + entry.className() + ": " + e.getMessage());
    }
    if (!c.thisClass().equals(entry.className())) {
      throw new ModelJarException(where + ": class file " + entry.entry() + " declares class " + c.thisClass()
          + ", not " + entry.className());
    }
    if (!"java/lang/Object".equals(c.superClass()) || !c.interfaces().equals(List.of("dev/nomos/runtime/Law"))) {
      throw new ModelJarException(where + ": class " + entry.className()
          + " must extend java/lang/Object and implement exactly dev/nomos/runtime/Law");
    }
    String refused = ReferencePolicy.firstRefused(c);
    if (refused != null) {
      throw new ModelJarException(where + ": class " + entry.className() + " refers to " + refused
          + ", outside what laws may use (" + ReferencePolicy.describe() + ")");
    }
  }

  /** The {@code (String, int[], double[])} constructor of a verified class, loading (and initialising) it. */
  private static MethodHandle constructor(String where, ClassLoader loader, String className)
      throws ModelJarException {
    try {
      Class<?> cls = Class.forName(binaryName(className), true, loader);
      return MethodHandles.publicLookup().findConstructor(cls, CONSTRUCTOR);
    } catch (Throwable e) {
      // Loading runs the JVM's verifier and the class's initializer: any error there is the jar's.
      throw new ModelJarException(where + ": class " + className + " cannot be loaded: " + ContainedLaw.describe(e));
    }
  }

  private static Map<String, byte[]> readEntries(Path jar) throws ModelJarException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      long total = 0;
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.isDirectory()) {
          continue;
        }
        if (entries.containsKey(e.getName())) {
          throw new ModelJarException(jar + ": entry " + e.getName() + " appears twice");
        }
        try (InputStream in = zip.getInputStream(e)) {
          byte[] bytes = in.readNBytes((int) Math.min(MAX_ENTRY_BYTES + 1, Integer.MAX_VALUE - 8));
          total += bytes.length;
          if (bytes.length > MAX_ENTRY_BYTES || total > 4 * MAX_ENTRY_BYTES) {
            throw new ModelJarException(jar + ": entry " + e.getName() + " is too large for a model jar");
          }
          entries.put(e.getName(), bytes);
        }
      }
    } catch (NoSuchFileException e) {
      throw new ModelJarException(jar + ": no such file");
    } catch (IOException e) {
      throw new ModelJarException(jar + ": cannot read the jar: " + e.getMessage(), e);
    }
    return entries;
  }
}
