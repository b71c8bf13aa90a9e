package dev.nomos.lsp.internal;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.io.BoundedFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The documents the editor has open plus the files on disk they {@code use}. Open text always wins
 * over disk, so a world edited but not saved is what the laws are checked against. Analyses are
 * cached per text, so a burst of requests on one version parses once.
 */
public final class Workspace {
  /** Bound on files scanned for cross-file references, so a huge directory cannot stall a request. */
  private static final int MAX_SCANNED_FILES = 200;

  /** An analysis, valid while the file's text and the texts of the files it uses are unchanged. */
  private record Cached(String text, Map<String, String> usedTexts, Analysis analysis) {}

  private record Open(int version, String text) {}

  /** Bound on the files a workspace-wide search reads. */
  private static final int MAX_WORKSPACE_FILES = 2000;

  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final List<Path> folders = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  /** Parses of used files (worlds), so a keystroke in a law file does not parse its world again. */
  private final Map<String, ParsedText> usedParses = new ConcurrentHashMap<>();

  private record ParsedText(String text, ParseResult parse) {}

  public void open(String uri, int version, String text) {
    open.put(uri, new Open(version, text));
  }

  public void change(String uri, int version, String text) {
    open.put(uri, new Open(version, text));
  }

  public void close(String uri) {
    open.remove(uri);
    cache.remove(uri);
  }

  public boolean isOpen(String uri) {
    return open.containsKey(uri);
  }

  public Set<String> openUris() {
    return Set.copyOf(open.keySet());
  }

  /** The current text of a document: the editor's if open, else the file's; empty if unreadable. */
  public Optional<String> text(String uri) {
    Open doc = open.get(uri);
    if (doc != null) {
      return Optional.of(doc.text());
    }
    return path(uri).flatMap(Workspace::read);
  }

  public Optional<Integer> version(String uri) {
    return Optional.ofNullable(open.get(uri)).map(Open::version);
  }

  /** The analysis of the current text of a document, or empty if it cannot be read. */
  public Optional<Analysis> analysis(String uri) {
    return text(uri).map(text -> analysis(uri, text));
  }

  /**
   * The analysis of {@code text} as the document {@code uri}: parsed and checked once, with every
   * file it uses read through the workspace (so unsaved edits of an open world count).
   */
  public Analysis analysis(String uri, String text) {
    Cached cached = cache.get(uri);
    if (cached != null && cached.text().equals(text) && cached.usedTexts().entrySet().stream()
        .allMatch(e -> text(e.getKey()).map(e.getValue()::equals).orElse(false))) {
      return cached.analysis();
    }
    SourceFile root = new SourceFile(displayName(uri), text);
    EditorResolver resolver = new EditorResolver(root);
    Compilation compilation = NomosCompiler.compile(List.of(root), resolver);
    Analysis analysis = new Analysis(uri, resolver.rootParse, compilation, resolver.uris);
    if (open.containsKey(uri)) {
      Map<String, String> usedTexts = new java.util.HashMap<>();
      resolver.uris.forEach((file, fileUri) -> usedTexts.put(fileUri, file.text()));
      cache.put(uri, new Cached(text, Map.copyOf(usedTexts), analysis));
    }
    return analysis;
  }

  /**
   * Reads used files through the workspace and parses each text once: the root as given, used
   * files from a cache while their text is unchanged (a keystroke in a law file does not parse its
   * world again). Remembers the URI of every file it read.
   */
  private final class EditorResolver implements SourceResolver {
    private final SourceFile root;
    private final Map<SourceFile, String> uris = new java.util.IdentityHashMap<>();
    private ParseResult rootParse;

    EditorResolver(SourceFile root) {
      this.root = root;
    }

    @Override
    public SourceFile read(String name) throws IOException {
      String uri;
      try {
        uri = uriOf(Path.of(name));
      } catch (java.nio.file.InvalidPathException bad) {
        throw new IOException("not a file path");
      }
      String text = text(uri).orElseThrow(() -> new IOException("no such file"));
      SourceFile file = new SourceFile(name, text);
      uris.put(file, uri);
      return file;
    }

    @Override
    public ParseResult parse(SourceFile file) {
      if (file == root) {
        rootParse = Parser.parse(file);
        return rootParse;
      }
      String uri = uris.get(file);
      ParsedText cached = uri == null ? null : usedParses.get(uri);
      if (cached != null && cached.text().equals(file.text())) {
        // The cached unit's spans point into an equal text, so it stands for this file.
        uris.remove(file);
        uris.put(cached.parse().unit().source(), uri);
        return cached.parse();
      }
      ParseResult parsed = Parser.parse(file);
      if (uri != null) {
        if (usedParses.size() > MAX_SCANNED_FILES) {
          usedParses.clear();
        }
        usedParses.put(uri, new ParsedText(file.text(), parsed));
      }
      return parsed;
    }
  }

  /** The URI of a {@code use} path, relative to the using file. */
  public static Optional<String> resolve(String fromUri, String usePath) {
    try {
      return path(fromUri).map(p -> uriOf(p.resolveSibling(usePath).normalize()));
    } catch (java.nio.file.InvalidPathException notAPath) {
      return Optional.empty();
    }
  }

  /**
   * Files that may mention the things declared in {@code uris}: every open document and every
   * {@code .law} file in the directories of those files (bounded).
   */
  public List<String> relatedUris(Set<String> uris) {
    Set<String> result = new LinkedHashSet<>(open.keySet());
    for (String uri : uris) {
      result.add(uri);
      Optional<Path> dir = path(uri).map(Path::getParent);
      if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir.get())) {
        files.filter(f -> f.getFileName().toString().endsWith(".law") && Files.isRegularFile(f))
            .sorted().limit(MAX_SCANNED_FILES).forEach(f -> result.add(uriOf(f)));
      } catch (IOException unreadableDirectory) {
        // Only open documents and the given files are searched then.
      }
    }
    return List.copyOf(result);
  }

  /** The editor's workspace folders (from initialize), searched by workspace-wide features. */
  public void setFolders(List<String> folderUris) {
    folders.clear();
    folderUris.forEach(u -> path(u).filter(Files::isDirectory).ifPresent(folders::add));
  }

  /** Open documents, then every {@code .law} file under the workspace folders (bounded; build output skipped). */
  public List<String> workspaceUris() {
    Set<String> result = new LinkedHashSet<>(open.keySet());
    for (Path folder : folders) {
      try (Stream<Path> files = Files.walk(folder, 12)) {
        files.filter(f -> f.getFileName().toString().endsWith(".law") && Files.isRegularFile(f))
            .filter(f -> !skipped(folder.relativize(f)))
            .limit(MAX_WORKSPACE_FILES).forEach(f -> result.add(uriOf(f)));
      } catch (IOException | java.io.UncheckedIOException unreadable) {
        // Search what was found.
      }
    }
    return List.copyOf(result);
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String s = part.toString();
      if (s.equals("target") || s.equals("node_modules") || s.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a URI names a Nomos source file (by its {@code .law} extension). */
  public static boolean isLawFile(String uri) {
    int query = uri.indexOf('?');
    return (query < 0 ? uri : uri.substring(0, query)).endsWith(".law");
  }

  public static Optional<Path> path(String uri) {
    try {
      URI u = URI.create(uri);
      return "file".equals(u.getScheme()) ? Optional.of(Path.of(u)) : Optional.empty();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAFile) {
      return Optional.empty();
    }
  }

  public static String uriOf(Path path) {
    return path.toAbsolutePath().normalize().toUri().toString();
  }

  private static String displayName(String uri) {
    return path(uri).map(Path::toString).orElse(uri);
  }

  private static Optional<String> read(Path path) {
    try {
      // Bounded, and never a FIFO or device: a `use` of one must not block or flood the server.
      return Optional.of(new String(BoundedFiles.read(path, 3L * Parser.MAX_SOURCE_CHARS), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
