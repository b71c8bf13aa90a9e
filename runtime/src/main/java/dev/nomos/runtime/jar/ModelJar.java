package dev.nomos.runtime.jar;

import dev.nomos.runtime.Law;
import dev.nomos.runtime.jar.internal.ClassFileSummary;
import dev.nomos.runtime.jar.internal.Hashes;
import dev.nomos.runtime.jar.internal.ManifestJson;
import dev.nomos.runtime.jar.internal.ModelClassLoader;
import dev.nomos.runtime.jar.internal.ReferencePolicy;
import java.io.IOException;
import java.io.InputStream;
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
 * names must be present with the recorded SHA-256, named as recorded, extend {@code Object},
 * implement only {@code dev.nomos.runtime.Law}, and refer to nothing outside
 * {@link ReferencePolicy} (checked on the constant pool and descriptors, before the class is
 * defined); the jar may hold no other class; every listed source must be present with its hash.
 * After loading, each law's {@code name()} must be the name model.json gives it.
 */
public final class ModelJar {
  /** Model jars larger than this are refused before reading (a guard against zip bombs). */
  public static final long MAX_ENTRY_BYTES = 64L << 20;

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
    Map<String, byte[]> verified = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (ModelManifest.LawEntry law : manifest.laws()) {
      if (!names.add(law.name())) {
        throw new ModelJarException(where + ": model.json lists law " + law.name() + " twice");
      }
      byte[] bytes = entries.get(law.classEntry());
      if (bytes == null) {
        throw new ModelJarException(where + ": class " + law.className() + " of law " + law.name()
            + " named in model.json is missing from the jar");
      }
      if (!Hashes.sha256(bytes).equals(law.classSha256())) {
        throw new ModelJarException(where + ": class " + law.className() + " does not match the SHA-256 that "
            + "model.json records for law " + law.name());
      }
      verify(where, law, bytes);
      if (verified.put(law.className().replace('/', '.'), bytes) != null) {
        throw new ModelJarException(where + ": model.json gives class " + law.className() + " to two laws");
      }
    }
    for (String entry : entries.keySet()) {
      if (entry.endsWith(".class") && !entry.startsWith("META-INF/")
          && !verified.containsKey(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
          && !isBundledLibrary(entry)) {
        throw new ModelJarException(where + ": class " + entry + " is in the jar but not in model.json");
      }
    }
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
    ModelClassLoader loader = new ModelClassLoader(parent, verified);
    List<Law> laws = new ArrayList<>();
    for (ModelManifest.LawEntry entry : manifest.laws()) {
      Law law = instantiate(where, loader, entry);
      if (!law.name().equals(entry.name())) {
        throw new ModelJarException(where + ": class " + entry.className() + " is law '" + law.name()
            + "' but model.json says '" + entry.name() + "'");
      }
      laws.add(law);
    }
    return new LoadedModel(manifest.world(), laws, manifest);
  }

  /** Standalone jars carry the runtime, the stdlib and Jackson beside the laws; those are not laws. */
  private static boolean isBundledLibrary(String entry) {
    return entry.startsWith("dev/nomos/runtime/") || entry.startsWith("dev/nomos/stdlib/")
        || entry.startsWith("com/fasterxml/jackson/");
  }

  private static void verify(String where, ModelManifest.LawEntry law, byte[] bytes) throws ModelJarException {
    ClassFileSummary c;
    try {
      c = ClassFileSummary.read(bytes);
    } catch (IllegalArgumentException e) {
      throw new ModelJarException(where + ": class " + law.className() + ": " + e.getMessage());
    }
    if (!c.thisClass().equals(law.className())) {
      throw new ModelJarException(where + ": class file " + law.classEntry() + " declares class " + c.thisClass()
          + ", not " + law.className());
    }
    if (!"java/lang/Object".equals(c.superClass()) || !c.interfaces().equals(List.of("dev/nomos/runtime/Law"))) {
      throw new ModelJarException(where + ": class " + law.className()
          + " must extend java/lang/Object and implement exactly dev/nomos/runtime/Law");
    }
    String refused = ReferencePolicy.firstRefused(c);
    if (refused != null) {
      throw new ModelJarException(where + ": class " + law.className() + " refers to " + refused
          + ", outside what laws may use (" + ReferencePolicy.describe() + ")");
    }
  }

  private static Law instantiate(String where, ClassLoader loader, ModelManifest.LawEntry entry)
      throws ModelJarException {
    try {
      Class<?> cls = Class.forName(entry.className().replace('/', '.'), true, loader);
      return (Law) MethodHandles.publicLookup().findConstructor(cls, MethodType.methodType(void.class)).invoke();
    } catch (LinkageError | ReflectiveOperationException | ClassCastException e) {
      throw new ModelJarException(where + ": class " + entry.className() + " cannot be loaded: " + e, e);
    } catch (Throwable e) {
      throw new ModelJarException(where + ": class " + entry.className() + " failed in its constructor: " + e, e);
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
