package dev.nomos.compiler;

import dev.nomos.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import dev.nomos.runtime.io.BoundedFiles;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the files that {@code use "path"} names. A path is relative to the directory of the
 * using file. {@link #key} identifies a file so that each is loaded once (which also makes cyclic
 * uses harmless); {@link #read} loads it.
 */
public interface SourceResolver {

  /** The name of the file that {@code path}, written in {@code from}, refers to. */
  default String resolve(SourceFile from, String path) {
    Path parent = Path.of(from.name()).getParent();
    Path target = parent == null ? Path.of(path) : parent.resolve(path);
    return target.normalize().toString();
  }

  /** What makes two names the same file (absolute normalized path for files on disk). */
  default String key(String name) {
    return Path.of(name).normalize().toString();
  }

  /** Reads the named file; the message of the exception is shown to the user. */
  SourceFile read(String name) throws IOException;

  /**
   * Parses a file the compilation loads (the given ones and those they use). Editors override it to
   * reuse the parse of a used file whose text has not changed, and to keep the parse of the file
   * being edited.
   */
  default ParseResult parse(SourceFile file) {
    return Parser.parse(file);
  }

  /** Files on disk; relative names are relative to the working directory. */
  static SourceResolver fileSystem() {
    return fileSystem(Path.of(""));
  }

  /** Files on disk; relative names are relative to {@code base}, and are reported as written. */
  static SourceResolver fileSystem(Path base) {
    return new SourceResolver() {
      @Override
      public String key(String name) {
        return base.resolve(name).toAbsolutePath().normalize().toString();
      }

      @Override
      public SourceFile read(String name) throws IOException {
        Path file = base.resolve(name);
        try {
          // UTF-8 takes at most 3 bytes per UTF-16 char, so a larger file is over the char limit too.
          byte[] bytes = BoundedFiles.read(file, 3L * Parser.MAX_SOURCE_CHARS);
          String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
          return new SourceFile(name, text);
        } catch (NoSuchFileException e) {
          throw new IOException("no such file");
        } catch (CharacterCodingException e) {
          throw new IOException("the file is not valid UTF-8");
        } catch (IOException e) {
          throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
      }
    };
  }

  /** Sources held in memory (editors, the learner), by normalized name; anything else cannot be read. */
  static SourceResolver inMemory(Map<String, String> sources) {
    return name -> {
      String text = sources.get(name);
      if (text == null) {
        text = sources.get(Path.of(name).normalize().toString());
      }
      if (text == null) {
        throw new IOException("no such file");
      }
      return new SourceFile(name, text);
    };
  }

  /** Resolves nothing: every {@code use} is reported as unreadable. */
  static SourceResolver none() {
    return name -> {
      throw new IOException("no files can be used here");
    };
  }
}
