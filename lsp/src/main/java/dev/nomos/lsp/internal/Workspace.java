package dev.nomos.lsp.internal;

import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.ast.UseDecl;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.io.BoundedFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
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
  /** How deep {@code use} chains are followed (they are short in practice; this stops cycles too). */
  private static final int MAX_USE_DEPTH = 8;
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

  public Analysis analysis(String uri, String text) {
    Cached cached = cache.get(uri);
    if (cached != null && cached.text().equals(text) && cached.usedTexts().entrySet().stream()
        .allMatch(e -> text(e.getKey()).map(e.getValue()::equals).orElse(false))) {
      return cached.analysis();
    }
    ParseResult parse = Parser.parse(new SourceFile(displayName(uri), text));
    List<UnitRef> used = new ArrayList<>();
    followUses(uri, parse, used);
    Analysis analysis = new Analysis(uri, parse, used);
    if (open.containsKey(uri)) {
      Map<String, String> usedTexts = new java.util.HashMap<>();
      used.forEach(ref -> usedTexts.put(ref.uri(), ref.unit().source().text()));
      cache.put(uri, new Cached(text, Map.copyOf(usedTexts), analysis));
    }
    return analysis;
  }

  /**
   * Breadth-first over {@code use}, skipping files already seen (cycles are harmless) and files
   * that cannot be read (the checker reports those).
   */
  private void followUses(String uri, ParseResult root, List<UnitRef> used) {
    Set<String> seen = new HashSet<>();
    seen.add(uri);
    record Pending(String from, ParseResult parse, int depth) {}
    Deque<Pending> queue = new ArrayDeque<>();
    queue.add(new Pending(uri, root, 0));
    while (!queue.isEmpty()) {
      Pending p = queue.poll();
      for (UseDecl use : p.parse().unit().uses()) {
        Optional<String> target = resolve(p.from(), use.path());
        if (target.isEmpty() || !seen.add(target.get()) || p.depth() >= MAX_USE_DEPTH) {
          continue;
        }
        String targetUri = target.get();
        Optional<String> text = text(targetUri);
        if (text.isEmpty()) {
          continue;
        }
        ParseResult parsed = parseUsed(targetUri, text.get());
        used.add(new UnitRef(targetUri, parsed.unit()));
        queue.add(new Pending(targetUri, parsed, p.depth() + 1));
      }
    }
  }

  private ParseResult parseUsed(String uri, String text) {
    ParsedText cached = usedParses.get(uri);
    if (cached != null && cached.text().equals(text)) {
      return cached.parse();
    }
    ParseResult parsed = Parser.parse(new SourceFile(displayName(uri), text));
    if (usedParses.size() > MAX_SCANNED_FILES) {
      usedParses.clear();
    }
    usedParses.put(uri, new ParsedText(text, parsed));
    return parsed;
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
