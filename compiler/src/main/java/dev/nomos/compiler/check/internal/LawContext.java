package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.check.Definitions;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.check.MeaningRecorder;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What checking one law needs to know at each point: the world, the names in scope (bound objects
 * and step variables, innermost last), variable numbering, and where diagnostics go.
 */
public final class LawContext {

  /** An object variable: bound by a binder clause or by {@code exists}/{@code count ... where}. */
  public static final class ObjectVar {
    public final String name;
    public final int var;
    /** Entity-type index, {@link Loop#ANY_TYPE} for {@code Object}. */
    public final int type;
    /** False when the declared type was unknown (already reported): reads on it stay silent. */
    public final boolean typeKnown;
    public final Binding binding;
    /** What references to this variable resolve to (null for the world's target owner). */
    public final Declaration declaration;
    public boolean used;

    ObjectVar(String name, int var, int type, boolean typeKnown, Binding binding, Declaration declaration) {
      this.declaration = declaration;
      this.name = name;
      this.var = var;
      this.type = type;
      this.typeKnown = typeKnown;
      this.binding = binding;
    }
  }

  /** A step variable of {@code all|any|count k in lo..hi}. */
  public record StepVar(String name, int local, int low, int high, Declaration declaration) {}

  public final WorldSchema schema;
  /** The file spans point into: the law's, or a definition's while its body is inlined. */
  public SourceFile source;
  public final boolean allowHoles;
  public final SymbolSet actions;
  public final SymbolSet sides = new SymbolSet("Side", Side.NAMES);

  /** Whether {@code next(...)} may be written here: in a constraint's guard, outside another {@code next}. */
  public boolean nextAllowed;
  private final List<Diagnostic> out;
  private final List<ObjectVar> objects = new ArrayList<>();
  private final List<StepVar> steps = new ArrayList<>();
  private final Map<Integer, long[]> stepBounds = new HashMap<>();
  private int objectVarCount;
  private int localCount;
  private int errors;
  private Definitions definitions = Definitions.NONE;
  private final List<DefinitionScope> definitionScopes = new ArrayList<>();
  private final List<dev.nomos.compiler.check.Hole> holes = new ArrayList<>();
  /** Where resolved names and expression types go. */
  private MeaningRecorder meaning = MeaningRecorder.NONE;
  /** Above 0 while a definition is inlined at a use: its names were recorded where it was declared. */
  private int silenced;
  /** The value parameters of the definition whose body is being checked. */
  private final Map<String, Declaration> valueParameters = new HashMap<>();

  public LawContext(WorldSchema schema, SourceFile source, boolean allowHoles, List<Diagnostic> out) {
    this.schema = schema;
    this.source = source;
    this.allowHoles = allowHoles;
    this.out = out;
    this.actions = new SymbolSet("action", schema.actions());
  }

  // ---- meaning

  public void recordTo(MeaningRecorder recorder) {
    meaning = recorder;
  }

  public MeaningRecorder meaning() { return meaning; }

  /** Records that {@code name} stands for {@code target}; nothing while a definition is inlined. */
  public void refer(Name name, Declaration target, String receiver) {
    if (silenced == 0) {
      meaning.refer(source, name, target, receiver);
    }
  }

  public void typed(Span span, Ty type) {
    if (silenced == 0) {
      meaning.typed(source, span, type, schema);
    }
  }

  void silence() {
    silenced++;
  }

  void unsilence() {
    silenced--;
  }

  /** A local name visible to the end of {@code enclosing}; recorded unless a definition is being inlined. */
  private Declaration declare(Declaration.Kind kind, Name name, String detail, Span enclosing) {
    return silenced == 0 ? meaning.declareLocal(kind, name, source, detail, enclosing)
        : new Declaration(kind, name.text(), "", source, name.span(), detail, null, name.span().untilEndOf(enclosing));
  }

  /** Declares a value parameter of the definition whose body is checked; {@code definition} is its extent. */
  void declareValueParameter(Name name, String type, Span definition) {
    valueParameters.put(name.text(), declare(Declaration.Kind.VALUE_PARAMETER, name, type, definition));
  }

  /** The declaration of a value parameter named {@code name}, or null. */
  Declaration valueParameter(String name) {
    return valueParameters.get(name);
  }

  /** The declaration of a symbol of the set {@code owner} ("Side", "action", "Door.state", "Color"), or null. */
  public Declaration symbolDeclaration(String owner, String symbol) {
    return switch (owner) {
      case "Side" -> meaning.side(symbol);
      case "action" -> meaning.find(Declaration.Kind.ACTION, "action", symbol);
      default -> meaning.find(Declaration.Kind.SYMBOL, owner, symbol);
    };
  }

  /** The declaration of attribute {@code name} of objects of {@code type} (null: {@code Object}), or null. */
  public Declaration attributeDeclaration(EntityType type, String name) {
    return Attributes.isBuiltIn(name) ? meaning.builtInAttribute(name)
        : type == null ? null : meaning.find(Declaration.Kind.ATTRIBUTE, type.name(), name);
  }

  /** The name of the type of objects bound to {@code v}, as a receiver of attributes. */
  public String typeName(ObjectVar v) {
    EntityType t = typeOf(v);
    return t == null ? Attributes.ANY_TYPE : t.name();
  }

  /** The declaration a type name stands for: an entity of the world or {@code Object}. */
  private Declaration typeDeclaration(String name) {
    return name.equals(Attributes.ANY_TYPE) ? meaning.anyType() : meaning.find(Declaration.Kind.ENTITY, "", name);
  }

  // ---- diagnostics

  public void report(Diagnostic d) {
    if (d.isError()) {
      errors++;
    }
    out.add(d);
  }

  public void error(String code, Span span, String message, String hint) {
    report(Diagnostic.error(code, source, span, message).withHint(hint));
  }

  /** An unknown name with its did-you-mean (hint and replacement) when one is close enough. */
  public void unknown(String code, Name name, String message, List<String> candidates, String otherwiseHint) {
    // A known alias (`dx` for vx) beats a near spelling (`x`).
    String alias = code.equals(Codes.UNKNOWN_ATTRIBUTE) ? Attributes.alias(name.text()) : null;
    String suggestion = alias != null && candidates.contains(alias) ? alias : Suggestions.closest(name.text(), candidates);
    Diagnostic d = Diagnostic.error(code, source, name.span(), message);
    d = suggestion != null ? d.withSuggestion(suggestion) : d.withHint(otherwiseHint);
    report(d);
  }

  public void warning(String code, Span span, String message, String hint) {
    report(Diagnostic.warning(code, source, span, message).withHint(hint));
  }

  public int errorCount() { return errors; }

  /** A position in the diagnostics, for {@link #amendHint}. */
  public int mark() {
    return out.size();
  }

  /** Replaces the hint of the diagnostics of {@code code} reported since {@code mark} that start at {@code start}. */
  public void amendHint(int mark, String code, int start, String hint) {
    for (int i = mark; i < out.size(); i++) {
      Diagnostic d = out.get(i);
      if (d.code().equals(code) && d.span().start() == start) {
        out.set(i, d.withHint(hint));
      }
    }
  }

  public void holeSeen(Span span, dev.nomos.compiler.check.Hole.Kind kind) {
    holes.add(new dev.nomos.compiler.check.Hole(kind, span));
    if (!allowHoles) {
      error(Codes.HOLE_NOT_ALLOWED, span, "`?` is a hole for the learner to fill; a finished law cannot contain one",
          "replace `?` with a value");
    }
  }

  public List<dev.nomos.compiler.check.Hole> holes() { return List.copyOf(holes); }

  // ---- types

  public static final int UNKNOWN_TYPE = Integer.MIN_VALUE;

  /** The index of a type name, {@link Loop#ANY_TYPE} for {@code Object}; reports and returns UNKNOWN_TYPE otherwise. */
  public int resolveType(Name type, boolean allowAny) {
    if (type.text().equals(Attributes.ANY_TYPE)) {
      if (allowAny) {
        refer(type, typeDeclaration(type.text()), null);
        return Loop.ANY_TYPE;
      }
      error(Codes.UNKNOWN_TYPE, type.span(), "`Object` is not a concrete type; name the type of the new object",
          "use one of: " + String.join(", ", typeNames()));
      return UNKNOWN_TYPE;
    }
    EntityType t = schema.type(type.text());
    if (t != null) {
      refer(type, typeDeclaration(type.text()), null);
      return t.index();
    }
    List<String> candidates = new ArrayList<>(typeNames());
    if (allowAny) {
      candidates.add(Attributes.ANY_TYPE);
    }
    unknown(Codes.UNKNOWN_TYPE, type, "unknown type `" + type.text() + "`", candidates,
        candidates.isEmpty() ? "the world declares no entities" : "the world's types are: " + String.join(", ", candidates));
    return UNKNOWN_TYPE;
  }

  public List<String> typeNames() {
    return schema.types().stream().map(EntityType::name).toList();
  }

  /** The entity type of a variable, or null for {@code Object}. */
  public EntityType typeOf(ObjectVar v) {
    return v.type == Loop.ANY_TYPE ? null : schema.type(v.type);
  }

  // ---- definitions

  /**
   * The names a definition's body sees while it is inlined: its parameters only, never the law's
   * variables. {@code objectBase} and {@code stepBase} mark where the law's variables end.
   */
  record DefinitionScope(Definitions.Definition definition, Map<String, ObjectVar> objects,
      Map<String, ExprLowerer.Typed> values, int objectBase, int stepBase, SourceFile callerSource) {}

  public Definitions definitions() { return definitions; }

  public void useDefinitions(Definitions d) {
    definitions = d;
  }

  /** Starts inlining {@code d}: until {@link #exitDefinition}, names resolve to its parameters. */
  void enterDefinition(Definitions.Definition d, Map<String, ObjectVar> objectArgs,
      Map<String, ExprLowerer.Typed> valueArgs) {
    definitionScopes.add(new DefinitionScope(d, objectArgs, valueArgs, objects.size(), steps.size(), source));
    source = d.source();
  }

  void exitDefinition() {
    DefinitionScope scope = definitionScopes.remove(definitionScopes.size() - 1);
    source = scope.callerSource();
  }

  /** Whether {@code d} is being inlined at this point (a use of it now would recurse). */
  boolean inlining(Definitions.Definition d) {
    return definitionScopes.stream().anyMatch(s -> s.definition() == d);
  }

  private DefinitionScope scope() {
    return definitionScopes.isEmpty() ? null : definitionScopes.get(definitionScopes.size() - 1);
  }

  /** A value parameter of the definition being inlined, or null. */
  public ExprLowerer.Typed lookupValue(String name) {
    DefinitionScope scope = scope();
    return scope == null ? null : scope.values().get(name);
  }

  /**
   * Rewrites the diagnostics reported since {@code mark} (while inlining a definition) to stand at
   * the use {@code span} in the caller's file: errors with {@code prefix} and the definition's place,
   * warnings dropped (they were given at the definition).
   */
  void relocate(int mark, Span span, String prefix) {
    List<Diagnostic> found = new ArrayList<>(out.subList(mark, out.size()));
    out.subList(mark, out.size()).clear();
    for (Diagnostic d : found) {
      if (!d.isError()) {
        continue;
      }
      String where = " (" + d.file() + ":" + d.line() + ":" + d.column() + ")";
      out.add(new Diagnostic(d.severity(), d.code(), source, span, prefix + d.message() + where, d.hint(), null));
    }
  }

  // ---- scope

  /**
   * Declares an object variable visible to the end of {@code enclosing} (its law, quantifier or
   * definition); reports a name already in scope.
   */
  public ObjectVar declareObject(Binding binding, int type, boolean typeKnown, Span enclosing) {
    checkFresh(binding.variable());
    ObjectVar v = new ObjectVar(binding.variable().text(), objectVarCount++, type, typeKnown, binding,
        declare(Declaration.Kind.BINDER, binding.variable(), binding.type().text(), enclosing));
    objects.add(v);
    return v;
  }

  /** Declares a step variable visible to the end of {@code aggregate}. */
  public StepVar declareStep(Name name, int low, int high, Span aggregate) {
    checkFresh(name);
    StepVar s = new StepVar(name.text(), localCount++, low, high,
        declare(Declaration.Kind.STEP, name, "int", aggregate));
    steps.add(s);
    stepBounds.put(s.local(), new long[] {low, high});
    return s;
  }

  private void checkFresh(Name name) {
    if (lookupObject(name.text()) != null || lookupStep(name.text()) != null) {
      error(Codes.DUPLICATE_DECLARATION, name.span(), "`" + name.text() + "` is already bound in this law",
          "choose another name");
    }
  }

  /** Ends the scope of the innermost object variable. */
  public void popObject() {
    objects.remove(objects.size() - 1);
  }

  public void popStep() {
    steps.remove(steps.size() - 1);
  }

  /** The owner of the world's targets ({@code reward}, {@code end}): bound by nothing, var {@code PEffect.WORLD}. */
  public ObjectVar worldTargetOwner() {
    return new ObjectVar("world", dev.nomos.compiler.plan.PEffect.WORLD, Loop.ANY_TYPE, true, null, null);
  }

  public ObjectVar lookupObject(String name) {
    DefinitionScope scope = scope();
    for (int i = objects.size() - 1; i >= (scope == null ? 0 : scope.objectBase()); i--) {
      if (objects.get(i).name.equals(name)) {
        return objects.get(i);
      }
    }
    return scope == null ? null : scope.objects().get(name);
  }

  public StepVar lookupStep(String name) {
    DefinitionScope scope = scope();
    for (int i = steps.size() - 1; i >= (scope == null ? 0 : scope.stepBase()); i--) {
      if (steps.get(i).name().equals(name)) {
        return steps.get(i);
      }
    }
    return null;
  }

  /** The object variables bound at this point, outermost first. */
  public int[] boundObjects() {
    return objects.stream().mapToInt(v -> v.var).toArray();
  }

  public List<String> namesInScope() {
    DefinitionScope scope = scope();
    List<String> names = new ArrayList<>(objectNamesInScope());
    steps.subList(scope == null ? 0 : scope.stepBase(), steps.size()).forEach(s -> names.add(s.name()));
    if (scope != null) {
      names.addAll(scope.values().keySet());
    }
    return names;
  }

  public List<String> objectNamesInScope() {
    DefinitionScope scope = scope();
    List<String> names = new ArrayList<>();
    if (scope != null) {
      names.addAll(scope.objects().keySet());
    }
    objects.subList(scope == null ? 0 : scope.objectBase(), objects.size()).forEach(o -> names.add(o.name));
    return names;
  }

  public Map<Integer, long[]> stepBounds() { return stepBounds; }

  public int objectVarCount() { return objectVarCount; }

  public int localCount() { return localCount; }

  /** The source text of a span, for messages that quote the program. */
  public String text(Span span) {
    String t = source.text();
    return t.substring(Math.min(span.start(), t.length()), Math.min(span.end(), t.length()));
  }
}
