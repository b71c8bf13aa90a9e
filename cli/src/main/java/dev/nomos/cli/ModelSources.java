package dev.nomos.cli;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.cluster.ModelRecipe;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.WorldModel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as a cluster's workers rebuild it: the text of every {@code .law} file it was compiled
 * from (those given and those they {@code use}), and the options it was loaded with. Workers
 * compile the same texts to the same laws in the same order.
 *
 * @param texts each file's text by its normalized name
 * @param roots the names of the files given, in order
 */
record ModelSources(Map<String, String> texts, List<String> roots, String engine, Double nu, Double lambda,
    boolean noFloor) implements ModelRecipe {
  private static final long serialVersionUID = 1L;

  ModelSources {
    texts = Map.copyOf(texts);
    roots = List.copyOf(roots);
  }

  /** The sources of a model loaded from {@code .law} files; a model jar cannot travel this way. */
  static ModelSources of(ModelInput input, List<Path> files, ModelRunOptions run, Double lambda) {
    if (input.compilation == null) {
      throw new UserFacingException("--spark needs the model as .law files: a model jar's compiled laws are not sent"
          + " to the workers", ExitCodes.USAGE);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (SourceUnit unit : input.compilation.units()) {
      texts.put(key(unit.source().name()), unit.source().text());
    }
    return new ModelSources(texts, files.stream().map(Path::toString).toList(), run.engine, run.nu, lambda,
        run.noFloor);
  }

  private static String key(String name) {
    return Path.of(name).normalize().toString();
  }

  @Override
  public WorldModel build() {
    SourceResolver resolver = name -> {
      String text = texts.get(key(name));
      if (text == null) {
        throw new NoSuchFileException(name);
      }
      return new SourceFile(name, text);
    };
    List<SourceFile> given = roots.stream().map(name -> new SourceFile(name, texts.getOrDefault(key(name), ""))).toList();
    Compilation c = NomosCompiler.compile(given, resolver);
    if (c.hasErrors()) {
      throw new IllegalStateException("the model's sources do not compile where they were sent: " + c.errors().get(0));
    }
    WorldModel model = ModelInput.fromCompilation(c, roots.stream().map(Path::of).toList(), ModelInput.engine(engine),
        nu, lambda).model;
    return noFloor ? model.withFloor(Floor.none()) : model;
  }
}
