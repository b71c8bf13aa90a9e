package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.check.LoweringTestWorld;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticJson;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.codegen.CompiledLaws;
import dev.nomos.compiler.interp.OpinionRecorder;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bad input never escapes as an exception: random token soups and mutations of valid programs
 * (deleted, inserted, duplicated and swapped tokens and characters) come out as diagnostics only,
 * whose spans lie inside the text and whose codes are registered.
 */
class FuzzTest {
  private static final Pattern TOKEN = Pattern.compile("\\s+|[A-Za-z_][A-Za-z_0-9]*|\\d+(\\.\\d+)?|:=|==|!=|<=|>=|\\.\\.|///|//|\"[^\"\\n]*\"|.",
      Pattern.DOTALL);
  private static final List<String> VOCABULARY = List.of("world", "law", "for", "on", "when", "then", "use", "weight",
      "screen", "velocity", "actions", "entity", "contact", "side", "cover", "exists", "count", "all", "any", "where",
      "in", "not", "and", "or", "if", "else", "destroy", "spawn", "at", "one_of", "range", "weighted", "action",
      "true", "false", "int", "bool", "Ball", "Wall", "Player", "Door", "Object", "b", "p", "k", "x", "vy", "state",
      "TOP", "UP", "locked", "clamp", "touching", "nearest_dx", "?", "@", "-", "+", "*", "/", "%", ":=", "~", "==",
      "<", ">", "..", ".", ",", ":", ";", "(", ")", "{", "}", "0", "1", "16", "17", "0.5", "999999999999", "\"w.law\"",
      "\n", " ", "///", "//");
  private static final List<String> SEEDS = seeds();
  private static final WorldSchema ARENA = NomosCompiler.compile(
      List.of(new SourceFile("w.law", LoweringTestWorld.TEXT)), SourceResolver.none()).schema();

  private static List<String> seeds() {
    List<String> seeds = new ArrayList<>();
    for (String dir : List.of("src/test/resources/valid", "src/test/resources/golden")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".law")).sorted().toList()) {
          seeds.add(Files.readString(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    seeds.add(LoweringTestWorld.TEXT + "law a { for b: Ball when b.vy < 0 then b.vy := -b.vy }");
    // Each example world with its laws in one self-contained text (the fuzzer resolves no `use`).
    Path examples = Path.of("../examples");
    if (Files.isDirectory(examples)) {
      try (Stream<Path> walk = Files.walk(examples)) {
        for (Path world : walk.filter(p -> p.getFileName().toString().equals("world.law")).sorted().toList()) {
          StringBuilder text = new StringBuilder(Files.readString(world));
          try (Stream<Path> siblings = Files.list(world.getParent())) {
            for (Path laws : siblings.filter(p -> p.toString().endsWith(".law") && !p.equals(world)).sorted().toList()) {
              text.append('\n').append(Files.readString(laws).replaceAll("(?m)^use \"[^\"]*\"", ""));
            }
          }
          seeds.add(text.toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return seeds;
  }

  @Property(tries = 500)
  void mutatedProgramsGiveOnlyDiagnostics(@ForAll("mutants") String text) {
    assertOnlyDiagnostics(text);
  }

  /** Found by the property above: error recovery folded a stray comma into a case weight (",3.0"). */
  @org.junit.jupiter.api.Test
  void aStrayCommaInACaseWeightListIsASyntaxErrorNotACrash() {
    String text = "world W {\n  screen 10 x 10\n  velocity -1..1\n  actions NOOP\n  entity Ball\n  entity Wall\n}\n"
        + "law w for T in {Ball, Wall} weight 1.0,  , 3.0 {\n  for o: T\n  then o.vx := 0\n}\n";
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("f.law", text)), SourceResolver.none());
    check(text, c);
    assertTrue(c.hasErrors());
  }

  @Property(tries = 300)
  void tokenSoupGivesOnlyDiagnostics(@ForAll("soup") String text) {
    assertOnlyDiagnostics(text);
  }

  /** The compiled path and the interpreter agree on every law the checker accepts. */
  @Property(tries = 80)
  void generatedCodeAgreesWithTheInterpreter(@ForAll("mutants") String text) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("f.law", text)), SourceResolver.none());
    if (c.schema() == null || c.plans().isEmpty()) {
      return;
    }
    Frame frame = sampleFrame(c.schema());
    List<Law> interpreted = c.interpretedLaws();
    List<Law> compiled = CompiledLaws.compile(c.plans());
    for (int i = 0; i < interpreted.size(); i++) {
      OpinionRecorder expected = new OpinionRecorder();
      interpreted.get(i).apply(frame, expected);
      OpinionRecorder actual = new OpinionRecorder();
      compiled.get(i).apply(frame, actual);
      assertEquals(expected.lines(), actual.lines(), interpreted.get(i).name() + " in\n" + text);
    }
  }

  @Provide
  Arbitrary<String> mutants() {
    return Arbitraries.longs().map(seed -> mutate(new Random(seed)));
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of(VOCABULARY).list().ofMaxSize(80).map(tokens -> String.join(" ", tokens));
  }

  private static String mutate(Random random) {
    List<String> tokens = tokens(SEEDS.get(random.nextInt(SEEDS.size())));
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations && !tokens.isEmpty(); m++) {
      int at = random.nextInt(tokens.size());
      switch (random.nextInt(6)) {
        case 0 -> tokens.remove(at);
        case 1 -> tokens.add(at, VOCABULARY.get(random.nextInt(VOCABULARY.size())));
        case 2 -> tokens.add(at, tokens.get(at));
        case 3 -> {
          int other = random.nextInt(tokens.size());
          String t = tokens.get(at);
          tokens.set(at, tokens.get(other));
          tokens.set(other, t);
        }
        case 4 -> {
          String t = tokens.get(at);
          if (!t.isEmpty()) {
            int c = random.nextInt(t.length());
            tokens.set(at, t.substring(0, c) + t.substring(c + 1));
          }
        }
        default -> {
          String t = tokens.get(at);
          int c = random.nextInt(t.length() + 1);
          char ch = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000));
          tokens.set(at, t.substring(0, c) + ch + t.substring(c));
        }
      }
    }
    return String.join("", tokens);
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  /** Two objects of every type (so binders and contact pairs have something to bind), over two frames of history. */
  private static Frame sampleFrame(WorldSchema schema) {
    Frame previous = null;
    for (int step = 0; step < 3; step++) {
      Frame.Builder b = Frame.builder(schema).action(step % Math.max(1, schema.actions().size()));
      int id = 1;
      for (EntityType t : schema.types()) {
        for (int k = 0; k < 2; k++) {
          int[] slots = new int[t.slotCount()];
          slots[0] = 10 + 5 * id + step;
          slots[1] = 10 + 3 * k + step;
          slots[2] = 4;
          slots[3] = 4;
          for (int e = 0; e < t.extras().size(); e++) {
            slots[4 + e] = t.extras().get(e).min();
          }
          b.add(id++, t.index(), slots);
        }
      }
      if (previous != null) {
        b.previous(previous);
      }
      previous = b.build();
    }
    return previous;
  }

  private static void assertOnlyDiagnostics(String text) {
    // Half the inputs go through each entry point: parsing a broken file dominates the cost.
    if ((text.hashCode() & 1) == 0) {
      check(text, NomosCompiler.compile(List.of(new SourceFile("f.law", text)), SourceResolver.none()));
    } else {
      check(text, NomosCompiler.checkCandidates(ARENA, text, "f.law"));
    }
  }

  private static void check(String text, Compilation c) {
    DiagnosticRenderer.render(c.diagnostics());
    DiagnosticJson.toJson(c.diagnostics());
    for (Diagnostic d : c.diagnostics()) {
      assertTrue(Codes.ALL.contains(d.code()), d::toString);
      if (d.file().equals("f.law")) {
        assertTrue(d.span().start() >= 0 && d.span().end() <= text.length() && d.span().start() <= d.span().end(),
            d::toString);
      }
    }
    // Without errors, every law has a plan (candidates: unless it has holes).
    if (!c.hasErrors()) {
      c.laws().forEach(l -> assertTrue(l.plan() != null || l.hasHoles(), l::name));
    }
    // Every plan is well formed for the interpreter and runs on a frame of the world without failing.
    if (c.schema() != null && !c.plans().isEmpty()) {
      Frame frame = sampleFrame(c.schema());
      for (Law law : c.interpretedLaws()) {
        law.apply(frame, new OpinionRecorder());
      }
    }
  }
}
