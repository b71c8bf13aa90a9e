package dev.nomos.runtime.jar;

import dev.nomos.runtime.jar.internal.BundledLibraries;
import dev.nomos.runtime.jar.internal.Hashes;
import dev.nomos.runtime.jar.internal.ManifestJson;

/**
 * What a model jar's writer and its reader ({@link ModelJar}) must agree on: how model.json is
 * written, how entries are hashed, and which classes are the bundled libraries rather than laws.
 * The writer lives in the compiler; it reads these rules here so that the two cannot drift.
 */
public final class ModelJarFormat {
  private ModelJarFormat() {}

  /** model.json for {@code manifest}, as {@link ModelJar} reads it back. */
  public static byte[] manifestJson(ModelManifest manifest) {
    return ManifestJson.write(manifest);
  }

  /** The hash model.json records for an entry's bytes (lower-case hex SHA-256). */
  public static String sha256(byte[] bytes) {
    return Hashes.sha256(bytes);
  }

  /** Whether a jar entry path lies in one of the libraries a standalone jar bundles (runtime, stdlib, Jackson). */
  public static boolean isBundledLibrary(String entry) {
    return BundledLibraries.contains(entry);
  }
}
