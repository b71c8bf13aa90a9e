package dev.nomos.compiler;

import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.runtime.model.Floor;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.check.Definitions;
import dev.nomos.compiler.check.Hole;
import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.compiler.meaning.Meaning;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of compiling a set of sources: every diagnostic (sorted by file, then position), the
 * parsed files, the world's schema and the laws with their plans. A compilation with errors still
 * carries everything that could be built, for editors; only {@link #hasErrors()} false means the
 * model is usable.
 */
public final class Compilation {
  private final List<SourceUnit> units;
  private final List<Diagnostic> diagnostics;
  private final WorldDecl world;
  private final WorldSchema schema;
  private final List<CheckedLaw> laws;
  private final FloorDecl floorDecl;
  private final Floor floor;
  private final List<CheckedLaw> constraints;
  private final Definitions definitions;
  private final Meaning meaning;

  Compilation(List<SourceUnit> units, List<Diagnostic> diagnostics, WorldDecl world, WorldSchema schema,
      List<CheckedLaw> laws) {
    this(units, diagnostics, world, schema, laws, null, Floor.defaults());
  }

  Compilation(List<SourceUnit> units, List<Diagnostic> diagnostics, WorldDecl world, WorldSchema schema,
      List<CheckedLaw> laws, FloorDecl floorDecl, Floor floor) {
    this(units, diagnostics, world, schema, laws, floorDecl, floor, List.of(), Definitions.NONE, Meaning.EMPTY);
  }

  Compilation(List<SourceUnit> units, List<Diagnostic> diagnostics, WorldDecl world, WorldSchema schema,
      List<CheckedLaw> laws, FloorDecl floorDecl, Floor floor, List<CheckedLaw> constraints,
      Definitions definitions, Meaning meaning) {
    this.meaning = meaning;
    this.constraints = List.copyOf(constraints);
    this.definitions = definitions;
    this.floorDecl = floorDecl;
    this.floor = floor;
    this.units = List.copyOf(units);
    this.diagnostics = List.copyOf(diagnostics);
    this.world = world;
    this.schema = schema;
    this.laws = List.copyOf(laws);
  }

  /** Every diagnostic, errors and warnings, by file then position. */
  public List<Diagnostic> diagnostics() { return diagnostics; }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Every parsed file: the ones asked for first, then the ones they {@code use}. */
  public List<SourceUnit> units() { return units; }

  /** The world's declaration, or null when there is none. */
  public WorldDecl world() { return world; }

  /**
   * The world's schema, or null when no world was found. When the world declaration has errors
   * this is a best-effort schema (broken items replaced by neutral stand-ins): fine for editors,
   * not for fitting; check {@link #hasErrors()}.
   */
  public WorldSchema schema() { return schema; }

  /** The model's {@code floor} declaration, or null when it has none. */
  public FloorDecl floorDecl() { return floorDecl; }

  /**
   * The floor the model declares ({@link Floor#DEFAULT} for every channel it leaves out, and for
   * all of them when it declares none).
   */
  public Floor floor() { return floor; }

  /** The model's {@code def}s, checked (editors show them on hover and offer them in completion). */
  public Definitions definitions() { return definitions; }

  /**
   * What every name of the sources stands for and the type of every checked expression (empty for
   * candidate checks, which the learner reads for diagnostics and holes only).
   */
  public Meaning meaning() { return meaning; }

  /** The {@code ?} of every law, in source order (only candidate checks allow them). */
  public List<Hole> holes() {
    return laws.stream().flatMap(l -> l.holes().stream()).toList();
  }

  /** The language these sources were checked as: built-ins, reserved words, limits. */
  public LanguageDescriptor language() { return LanguageDescriptor.get(); }

  /** Every law in source order, including those with errors (whose plan is null). */
  public List<CheckedLaw> laws() { return laws; }

  /**
   * Every constraint in source order, each lowered to the plan of a law whose effects are its
   * requirements (null when it has errors); constraints carry no weight.
   */
  public List<CheckedLaw> constraints() { return constraints; }

  /** The plans of the constraints that compiled, in source order. */
  public List<LawPlan> constraintPlans() {
    return constraints.stream().map(CheckedLaw::plan).filter(Objects::nonNull).toList();
  }

  public Optional<CheckedLaw> law(String name) {
    return laws.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** The plans of the laws that compiled, in source order. */
  public List<LawPlan> plans() {
    return laws.stream().map(CheckedLaw::plan).filter(Objects::nonNull).toList();
  }

  /**
   * The laws that compiled, run by the reference interpreter, in source order. Laws with errors or
   * holes have no plan and are left out: check {@link #hasErrors()} before trusting the model.
   */
  public List<Law> interpretedLaws() {
    return Interpreter.interpretAll(plans());
  }
}
