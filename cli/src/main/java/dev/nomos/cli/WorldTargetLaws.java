package dev.nomos.cli;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.jar.ModelManifest;
import dev.nomos.serve.Predicts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Which of the world's targets (reward, end) the laws of a model speak to, read from their plans. */
final class WorldTargetLaws {
  private WorldTargetLaws() {}

  /**
   * What the loaded model predicts: from its compilation, or for a model jar from the sources it
   * bundles (the laws the jar left out, pruned at weight 0, do not count).
   */
  static Predicts of(ModelInput input, List<Path> files) {
    if (input.compilation != null) {
      return of(input.compilation.laws().stream().map(CheckedLaw::plan).toList());
    }
    Map<String, String> texts = new TreeMap<>();
    try (ZipFile jar = new ZipFile(files.get(0).toFile())) {
      for (ZipEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.startsWith(ModelManifest.SOURCES_DIR) && name.endsWith(".law")) {
          try (InputStream in = jar.getInputStream(entry)) {
            texts.put(name.substring(ModelManifest.SOURCES_DIR.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UserFacingException(files.get(0) + ": cannot read its bundled sources: " + e.getMessage());
    }
    List<SourceFile> sources = texts.entrySet().stream().map(e -> new SourceFile(e.getKey(), e.getValue())).toList();
    Compilation c = NomosCompiler.compile(sources, SourceResolver.inMemory(texts));
    if (c.hasErrors()) {
      throw new UserFacingException(files.get(0) + ": its bundled sources do not compile: " + c.errors().get(0).message());
    }
    Set<String> kept = Set.copyOf(input.model.lawNames());
    return of(c.laws().stream().map(CheckedLaw::plan).filter(l -> kept.contains(l.name())).toList());
  }

  static Predicts of(List<LawPlan> laws) {
    boolean reward = false;
    boolean end = false;
    for (LawPlan law : laws) {
      for (PEffect effect : law.effects()) {
        reward |= speaksTo(effect, Slots.REWARD);
        end |= speaksTo(effect, Slots.END);
      }
    }
    return new Predicts(reward, end);
  }

  private static boolean speaksTo(PEffect effect, int slot) {
    if (effect == null) {
      return false;
    }
    if (effect instanceof PEffect.If e) {
      return speaksTo(e.then(), slot) || speaksTo(e.otherwise(), slot);
    }
    if (effect instanceof PEffect.Exact e) {
      return e.var() == PEffect.WORLD && e.slot() == slot;
    }
    if (effect instanceof PEffect.Range e) {
      return e.var() == PEffect.WORLD && e.slot() == slot;
    }
    if (effect instanceof PEffect.Choice e) {
      return e.var() == PEffect.WORLD && e.slot() == slot;
    }
    if (effect instanceof PEffect.ComputedChoice e) {
      return e.var() == PEffect.WORLD && e.slot() == slot;
    }
    if (effect instanceof PEffect.Joint e) {
      return e.var() == PEffect.WORLD && Arrays.stream(e.slots()).anyMatch(s -> s == slot);
    }
    return false; // spawns and creations address no world target
  }
}
