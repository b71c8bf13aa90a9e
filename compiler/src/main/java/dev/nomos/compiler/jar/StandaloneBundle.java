package dev.nomos.compiler.jar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.jar.ModelJarFormat;
import dev.nomos.stdlib.Geometry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies the classes a standalone model jar needs ({@link ModelJarFormat#isBundledLibrary}) from wherever this
 * process loaded them: a directory of classes in development, the library jars, or the one shaded
 * {@code nomos} jar.
 */
final class StandaloneBundle {
  private StandaloneBundle() {}

  static void copyInto(JarOutputStream jar) throws IOException {
    Set<Path> roots = new HashSet<>();
    for (Class<?> anchor : List.of(Frame.class, Geometry.class, ObjectMapper.class, JsonFactory.class,
        JsonProperty.class)) {
      roots.add(root(anchor));
    }
    Set<String> written = new HashSet<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            String name = root.relativize(file).toString().replace(File.separatorChar, '/');
            if (wanted(name) && written.add(name)) {
              ModelJarWriter.put(jar, name, Files.readAllBytes(file));
            }
          }
        }
      } else {
        try (ZipFile zip = new ZipFile(root.toFile())) {
          for (ZipEntry e : Collections.list(zip.entries())) {
            if (!e.isDirectory() && wanted(e.getName()) && written.add(e.getName())) {
              try (InputStream in = zip.getInputStream(e)) {
                ModelJarWriter.put(jar, e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
    }
    if (!written.contains(ModelJarWriter.STANDALONE_MAIN.replace('.', '/') + ".class")) {
      throw new IOException("cannot bundle the runtime: " + ModelJarWriter.STANDALONE_MAIN + " not found on the class path");
    }
  }

  private static boolean wanted(String name) {
    return name.endsWith(".class") && ModelJarFormat.isBundledLibrary(name);
  }

  private static Path root(Class<?> anchor) throws IOException {
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IOException("cannot bundle the runtime: no code source for " + anchor.getName());
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("cannot bundle the runtime: unusable code source " + source.getLocation(), e);
    }
  }
}
