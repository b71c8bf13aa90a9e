package dev.nomos.compiler;

import dev.nomos.compiler.ast.ConstraintDecl;
import dev.nomos.compiler.ast.Expr;
import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.ast.UseDecl;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.check.ConstraintChecker;
import dev.nomos.compiler.ast.DefDecl;
import dev.nomos.compiler.check.Definitions;
import dev.nomos.compiler.check.FloorChecker;
import dev.nomos.compiler.check.LawCases;
import dev.nomos.compiler.check.LawChecker;
import dev.nomos.compiler.check.WorldChecker;
import dev.nomos.compiler.check.MeaningRecorder;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Floor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler's front door: sources in, a {@link Compilation} out (diagnostics, world schema,
 * law plans). Never throws on bad input: every problem is a diagnostic.
 *
 * <p>All the files of one compilation form one model: exactly one world among them (declared in
 * one of them or in a file they {@code use}), and every law of every file.
 */
public final class NomosCompiler {
  private NomosCompiler() {}

  /** Compiles files on disk; names in diagnostics are the paths as given. */
  public static Compilation compile(List<Path> files) {
    return compile(files, CompilerOptions.DEFAULT);
  }

  public static Compilation compile(List<Path> files, CompilerOptions options) {
    SourceResolver resolver = SourceResolver.fileSystem();
    List<SourceFile> sources = new ArrayList<>();
    List<Diagnostic> unreadable = new ArrayList<>();
    for (Path p : files) {
      String name = p.toString();
      try {
        sources.add(resolver.read(name));
      } catch (IOException e) {
        SourceFile empty = new SourceFile(name, "");
        unreadable.add(Diagnostic.error(Codes.UNREADABLE_FILE, empty, empty.span(0, 0),
            "cannot read " + name + ": " + e.getMessage()));
      }
    }
    return compile(sources, resolver, options, unreadable, files.stream().map(Path::toString).toList());
  }

  /** Compiles sources held in memory; {@code use} goes through {@code resolver}. */
  public static Compilation compile(List<SourceFile> sources, SourceResolver resolver) {
    return compile(sources, resolver, CompilerOptions.DEFAULT);
  }

  public static Compilation compile(List<SourceFile> sources, SourceResolver resolver, CompilerOptions options) {
    return compile(sources, resolver, options, List.of(), sources.stream().map(SourceFile::name).toList());
  }

  /** {@code givenOrder}: the names of the files asked for, readable or not, in the order given. */
  private static Compilation compile(List<SourceFile> roots, SourceResolver resolver, CompilerOptions options,
      List<Diagnostic> initial, List<String> givenOrder) {
    List<Diagnostic> diagnostics = new ArrayList<>(initial);
    Map<String, SourceUnit> loaded = new LinkedHashMap<>();
    List<UseEdge> useTargets = new ArrayList<>();
    for (SourceFile root : roots) {
      load(root, resolver, loaded, useTargets, diagnostics);
    }
    List<SourceUnit> units = new ArrayList<>(loaded.values());
    for (UseEdge use : useTargets) {
      SourceUnit target = loaded.get(use.targetKey());
      if (target != null && target.worlds().isEmpty()) {
        diagnostics.add(Diagnostic.error(Codes.BAD_USE, use.from(), use.use().span(),
                "`use \"" + use.use().path() + "\"` names a file that declares no world")
            .withHint("`use` takes the world of another file; name the file that declares it"));
      }
    }

    List<WorldDecl> worlds = new ArrayList<>();
    Map<WorldDecl, SourceUnit> worldUnits = new HashMap<>();
    for (SourceUnit u : units) {
      for (WorldDecl w : u.worlds()) {
        worlds.add(w);
        worldUnits.put(w, u);
      }
    }
    WorldDecl world = worlds.isEmpty() ? null : worlds.get(0);
    WorldSchema schema = null;
    MeaningRecorder meaning = new MeaningRecorder();
    if (world != null) {
      SourceUnit home = worldUnits.get(world);
      schema = new WorldChecker(home.source(), diagnostics).check(world);
      meaning.world(world, home.source());
      for (WorldDecl other : worlds.subList(1, worlds.size())) {
        diagnostics.add(Diagnostic.error(Codes.WORLD_COUNT, worldUnits.get(other).source(), other.name().span(),
                "a model has one world, but `" + other.name().text() + "` is declared here and `"
                    + world.name().text() + "` in " + home.source().name() + ":" + world.span().line())
            .withHint("check the laws of different worlds separately"));
      }
    }

    FloorDecl floorDecl = null;
    String floorFile = null;
    Floor floor = Floor.defaults();
    for (SourceUnit u : units) {
      for (TopDecl d : u.decls()) {
        if (!(d instanceof FloorDecl f)) {
          continue;
        }
        if (floorDecl != null) {
          diagnostics.add(Diagnostic.error(Codes.BAD_FLOOR, u.source(), f.name().span(),
                  "a model has one floor, and another is declared on line " + floorDecl.span().line()
                      + " of " + floorFile)
              .withHint("merge the two into one `floor { ... }`"));
          continue;
        }
        floorDecl = f;
        floorFile = u.source().name();
        if (schema != null) {
          floor = Floor.of(new FloorChecker(u.source(), diagnostics).check(f, schema));
        }
      }
    }

    List<Definitions.Declared> declared = new ArrayList<>();
    for (SourceUnit u : units) {
      for (TopDecl d : u.decls()) {
        if (d instanceof DefDecl def) {
          declared.add(new Definitions.Declared(def, u.source()));
        }
      }
    }
    Definitions definitions = Definitions.check(declared, schema, diagnostics, meaning);

    List<CheckedLaw> laws = new ArrayList<>();
    Map<String, LawDecl> names = new HashMap<>();
    List<Diagnostic> syntaxErrors = diagnostics.stream().filter(d -> d.code().equals(Codes.SYNTAX)).toList();
    for (SourceUnit u : units) {
      for (LawDecl law : u.laws()) {
        if (schema == null && laws.isEmpty()) {
          diagnostics.add(Diagnostic.error(Codes.WORLD_COUNT, u.source(), law.name().span(),
                  "law `" + law.name().text() + "` has no world to be checked against")
              .withHint("declare a world in this file or add `use \"world.law\"` naming the file that declares it"));
        }
        LawDecl previous = names.putIfAbsent(law.name().text(), law);
        if (previous != null) {
          diagnostics.add(Diagnostic.error(Codes.DUPLICATE_DECLARATION, u.source(), law.name().span(),
                  "law `" + law.name().text() + "` is declared twice")
              .withHint("the first is on line " + previous.span().line() + "; law names must be unique"));
        }
        meaning.declare(Declaration.Kind.LAW, law.name(), "", u.source(), law.weightText(), law.doc());
        if (law.cases() != null && (!LawCases.check(law, u.source(), diagnostics) || !LawCases.hasCases(law))) {
          laws.add(unchecked(law, u.source()));
          continue;
        }
        if (LawCases.hasCases(law)) {
          declareCases(meaning, law, u.source(), schema);
          laws.addAll(brokenBySyntax(law, u.source(), syntaxErrors)
              ? LawCases.instances(law).stream().map(i -> unchecked(LawCases.instantiate(law, i), u.source())).toList()
              : checkCases(schema, u.source(), law, options, diagnostics, definitions, meaning));
          continue;
        }
        laws.add(brokenBySyntax(law, u.source(), syntaxErrors) ? unchecked(law, u.source())
            : checkLaw(schema, u.source(), law, options, diagnostics, definitions, meaning));
      }
    }
    List<CheckedLaw> constraints = new ArrayList<>();
    for (SourceUnit u : units) {
      for (ConstraintDecl constraint : u.constraints()) {
        Name name = constraint.name();
        if (schema == null && laws.isEmpty() && constraints.isEmpty()) {
          diagnostics.add(Diagnostic.error(Codes.WORLD_COUNT, u.source(), name.span(),
                  "constraint `" + name.text() + "` has no world to be checked against")
              .withHint("declare a world in this file or add `use \"world.law\"` naming the file that declares it"));
        }
        LawDecl previous = names.putIfAbsent(name.text(), constraint.asLaw());
        if (previous != null) {
          diagnostics.add(Diagnostic.error(Codes.DUPLICATE_DECLARATION, u.source(), name.span(),
                  "`" + name.text() + "` is declared twice")
              .withHint("the first is on line " + previous.span().line() + "; law and constraint names must be unique"));
        }
        meaning.declare(Declaration.Kind.CONSTRAINT, name, "", u.source(), null, constraint.doc());
        constraints.add(checkConstraint(schema, u.source(), constraint, syntaxErrors, diagnostics, meaning));
      }
    }
    return new Compilation(units, sorted(diagnostics, units, givenOrder), world, schema, laws, floorDecl, floor,
        constraints, definitions, meaning.build());
  }

  /** Records a law's case parameters, the types its cases name, and every use of a parameter in the law. */
  private static void declareCases(MeaningRecorder meaning, LawDecl law, SourceFile source, WorldSchema schema) {
    Map<String, Declaration> params = new HashMap<>();
    for (LawDecl.Param p : law.cases().params()) {
      params.put(p.name().text(),
          meaning.declareLocal(Declaration.Kind.CASE_PARAMETER, p.name(), source, "case", law.span()));
      for (Expr v : p.values()) {
        if (v instanceof Expr.NameRef n && schema != null && schema.type(n.name().text()) != null) {
          meaning.refer(source, n.name(), meaning.find(Declaration.Kind.ENTITY, "", n.name().text()), null);
        } else if (v instanceof Expr.NameRef n && n.name().text().equals(LanguageDescriptor.ANY_TYPE)) {
          meaning.refer(source, n.name(), meaning.anyType(), null);
        }
      }
    }
    for (Name use : LawCases.parameterUses(law)) {
      meaning.refer(source, use, params.get(use.text()), null);
    }
  }

  /**
   * Checks laws proposed for a known world (the learner's candidates): holes {@code ?} are allowed,
   * {@code use} and world declarations are not. Laws with holes come back without a plan.
   */
  public static Compilation checkCandidates(WorldSchema schema, String lawText, String sourceName) {
    SourceFile source = new SourceFile(sourceName, lawText);
    ParseResult parsed = Parser.parse(source);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    SourceUnit unit = parsed.unit();
    for (UseDecl use : unit.uses()) {
      diagnostics.add(Diagnostic.error(Codes.BAD_USE, source, use.span(),
          "candidate laws are checked against a known world; `use` is not allowed here").withHint("remove the `use`"));
    }
    for (WorldDecl w : unit.worlds()) {
      diagnostics.add(Diagnostic.error(Codes.WORLD_COUNT, source, w.name().span(),
          "candidate text must contain only laws; the world is `" + schema.name() + "`").withHint("remove the world"));
    }
    for (TopDecl d : unit.decls()) {
      if (d instanceof FloorDecl f) {
        diagnostics.add(Diagnostic.error(Codes.BAD_FLOOR, source, f.name().span(),
            "candidate text must contain only laws; a floor belongs to the model").withHint("remove the floor"));
      } else if (d instanceof DefDecl def) {
        diagnostics.add(Diagnostic.error(Codes.BAD_DEFINITION, source, def.name().span(),
            "candidate text must contain only laws; a definition belongs to a hand-written model")
            .withHint("write the expression out in the law"));
      } else if (d instanceof LawDecl law && law.cases() != null) {
        diagnostics.add(Diagnostic.error(Codes.BAD_LAW_CASES, source, law.name().span(),
            "candidate laws are written out one by one, without cases").withHint("write one law per case"));
      }
      if (d instanceof ConstraintDecl c) {
        diagnostics.add(Diagnostic.error(Codes.CONSTRAINT_IN_CANDIDATE, source, c.name().span(),
                "candidate text must contain only laws; constraint `" + c.name().text() + "` belongs to the model")
            .withHint("write the rule as a law (it may then be broken, at a fitted cost), or add the constraint to the model's files"));
      }
    }
    List<CheckedLaw> laws = new ArrayList<>();
    Map<String, LawDecl> names = new HashMap<>();
    List<Diagnostic> syntaxErrors = parsed.diagnostics();
    for (LawDecl law : unit.laws()) {
      LawDecl previous = names.putIfAbsent(law.name().text(), law);
      if (previous != null) {
        diagnostics.add(Diagnostic.error(Codes.DUPLICATE_DECLARATION, source, law.name().span(),
            "law `" + law.name().text() + "` is declared twice").withHint("give each candidate its own name"));
      }
      laws.add(brokenBySyntax(law, source, syntaxErrors) || law.cases() != null
          ? unchecked(law, source) : checkLaw(schema, source, law, CompilerOptions.CANDIDATES, diagnostics));
    }
    return new Compilation(List.of(unit), sorted(diagnostics, List.of(unit), List.of(source.name())), null, schema, laws);
  }

  /** {@link #checkCandidates(WorldSchema, String, String)} against the world of an existing compilation. */
  public static Compilation checkCandidates(Compilation world, String lawText, String sourceName) {
    if (world.schema() == null) {
      throw new IllegalArgumentException("the compilation has no world to check candidates against");
    }
    return checkCandidates(world.schema(), lawText, sourceName);
  }

  /**
   * Checks and lowers one law given as an AST (for example one whose holes the learner has just
   * filled). {@code source} is the file its spans point into.
   */
  public static Compilation checkLaw(WorldSchema schema, SourceFile source, LawDecl law, CompilerOptions options) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    CheckedLaw compiled = checkLaw(schema, source, law, options, diagnostics);
    SourceUnit unit = new SourceUnit(source, List.of(), List.of(law), law.span());
    return new Compilation(List.of(unit), sorted(diagnostics, List.of(unit), List.of(source.name())), null, schema,
        List.of(compiled));
  }

  /**
   * Whether a syntax error lies inside the law. Such a law was rebuilt by error recovery, so what
   * the checker would say about it is mostly an echo of the syntax error; it is left unchecked.
   */
  private static boolean brokenBySyntax(LawDecl law, SourceFile source, List<Diagnostic> parseDiagnostics) {
    for (Diagnostic d : parseDiagnostics) {
      if (d.code().equals(Codes.SYNTAX) && d.source() == source && d.span().start() >= law.span().start()
          && d.span().start() <= law.span().end()) {
        return true;
      }
    }
    return false;
  }

  private static CheckedLaw checkConstraint(WorldSchema schema, SourceFile source, ConstraintDecl constraint,
      List<Diagnostic> syntaxErrors, List<Diagnostic> diagnostics, MeaningRecorder meaning) {
    LawDecl law = constraint.asLaw();
    if (schema == null || brokenBySyntax(law, source, syntaxErrors)) {
      return unchecked(law, source);
    }
    // The parser bounded every expression's depth (Parser.MAX_CHAINED_OPERATORS), so checking cannot overflow.
    List<Diagnostic> found = new ArrayList<>();
    LawChecker.Result r = new ConstraintChecker(schema, source, found, meaning).check(constraint);
    diagnostics.addAll(found);
    return new CheckedLaw(law.name().text(), law.doc(), law, source, r.plan(), null, List.of());
  }

  /**
   * The instances of a law with cases, each checked as a law of its own. A diagnostic every instance
   * shares is reported once; one only some instances have says which ({@code in stays[key]: ...}).
   */
  private static List<CheckedLaw> checkCases(WorldSchema schema, SourceFile source, LawDecl law,
      CompilerOptions options, List<Diagnostic> diagnostics, Definitions definitions, MeaningRecorder meaning) {
    List<LawCases.Instance> instances = LawCases.instances(law);
    List<CheckedLaw> out = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    Map<String, Diagnostic> first = new LinkedHashMap<>();
    for (LawCases.Instance instance : instances) {
      List<Diagnostic> found = new ArrayList<>();
      out.add(checkLaw(schema, source, LawCases.instantiate(law, instance), options, found, definitions, meaning));
      for (Diagnostic d : found) {
        String key = d.code() + "@" + d.source().name() + ":" + d.span().start() + "-" + d.span().end() + ":"
            + d.message();
        if (seen.merge(key, 1, Integer::sum) == 1) {
          first.put(key, new Diagnostic(d.severity(), d.code(), d.source(), d.span(), "in " + instance.name() + ": "
              + d.message(), d.hint(), d.replacement()));
        }
      }
    }
    first.forEach((key, d) -> {
      boolean everyInstance = seen.get(key) == instances.size();
      diagnostics.add(everyInstance ? new Diagnostic(d.severity(), d.code(), d.source(), d.span(),
          d.message().substring(d.message().indexOf(": ") + 2), d.hint(), d.replacement()) : d);
    });
    return out;
  }

  private static CheckedLaw unchecked(LawDecl law, SourceFile source) {
    return new CheckedLaw(law.name().text(), law.doc(), law, source, null, law.weight(), List.of());
  }

  private static CheckedLaw checkLaw(WorldSchema schema, SourceFile source, LawDecl law, CompilerOptions options,
      List<Diagnostic> diagnostics) {
    return checkLaw(schema, source, law, options, diagnostics, Definitions.NONE, MeaningRecorder.NONE);
  }

  private static CheckedLaw checkLaw(WorldSchema schema, SourceFile source, LawDecl law, CompilerOptions options,
      List<Diagnostic> diagnostics, Definitions definitions, MeaningRecorder meaning) {
    if (schema == null) {
      return new CheckedLaw(law.name().text(), law.doc(), law, source, null, law.weight(), List.of());
    }
    // The parser bounded every expression's depth (Parser.MAX_CHAINED_OPERATORS), so checking cannot overflow.
    List<Diagnostic> found = new ArrayList<>();
    LawChecker.Result r = new LawChecker(schema, source, options.allowHoles(), found, definitions)
        .recordingTo(meaning).check(law);
    diagnostics.addAll(found);
    return new CheckedLaw(law.name().text(), law.doc(), law, source, r.plan(), law.weight(), r.holes());
  }

  // ---- loading

  private static void load(SourceFile root, SourceResolver resolver, Map<String, SourceUnit> loaded,
      List<UseEdge> useTargets, List<Diagnostic> diagnostics) {
    List<SourceFile> pending = new ArrayList<>();
    pending.add(root);
    while (!pending.isEmpty()) {
      SourceFile file = pending.remove(pending.size() - 1);
      String key = resolver.key(file.name());
      if (loaded.containsKey(key)) {
        continue;
      }
      ParseResult parsed = resolver.parse(file);
      diagnostics.addAll(parsed.diagnostics());
      loaded.put(key, parsed.unit());
      List<SourceFile> uses = new ArrayList<>();
      for (UseDecl use : parsed.unit().uses()) {
        if (use.path().isBlank()) {
          diagnostics.add(Diagnostic.error(Codes.BAD_USE, file, use.span(), "`use` needs a file name")
              .withHint("write `use \"world.law\"`, relative to this file"));
          continue;
        }
        String name;
        try {
          name = resolver.resolve(file, use.path());
        } catch (RuntimeException badPath) {
          diagnostics.add(Diagnostic.error(Codes.BAD_USE, file, use.span(), "`" + use.path() + "` is not a valid path"));
          continue;
        }
        String targetKey = resolver.key(name);
        if (loaded.containsKey(targetKey)) {
          useTargets.add(new UseEdge(file, use, targetKey));
          continue;
        }
        try {
          uses.add(resolver.read(name));
          useTargets.add(new UseEdge(file, use, targetKey));
        } catch (IOException e) {
          diagnostics.add(Diagnostic.error(Codes.UNREADABLE_FILE, file, use.span(),
                  "cannot read " + name + ": " + e.getMessage())
              .withHint("paths in `use` are relative to the directory of this file"));
        }
      }
      // Depth first, in the order the uses are written.
      for (int i = uses.size() - 1; i >= 0; i--) {
        pending.add(uses.get(i));
      }
    }
  }

  /** A {@code use} in {@code from} naming the file loaded under {@code targetKey}. */
  private record UseEdge(SourceFile from, UseDecl use, String targetKey) {}

  /** Diagnostics in file order (as loaded), then by position; stable for equal positions. */
  private static List<Diagnostic> sorted(List<Diagnostic> diagnostics, List<SourceUnit> units, List<String> given) {
    Map<String, Integer> order = new HashMap<>();
    for (String name : given) {
      order.putIfAbsent(name, order.size());
    }
    for (SourceUnit u : units) {
      order.putIfAbsent(u.source().name(), order.size());
    }
    List<Diagnostic> copy = new ArrayList<>(diagnostics);
    copy.sort(Comparator.<Diagnostic>comparingInt(d -> order.getOrDefault(d.file(), Integer.MAX_VALUE))
        .thenComparingInt(d -> d.span().start()));
    return copy;
  }
}
