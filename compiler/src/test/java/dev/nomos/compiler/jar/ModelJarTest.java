package dev.nomos.compiler.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.compiler.plan.Loop;
import dev.nomos.compiler.plan.PEffect;
import dev.nomos.compiler.plan.PExpr;
import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.jar.LoadedModel;
import dev.nomos.runtime.jar.ModelJar;
import dev.nomos.runtime.jar.ModelJarException;
import dev.nomos.runtime.jar.ModelManifest;
import dev.nomos.runtime.jar.internal.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

class ModelJarTest {
  static final WorldSchema WORLD = new WorldSchema("Pong", 160, 210, -30, 30, List.of("NOOP", "UP"),
      List.of(new EntityType("Ball", 0, List.of()),
          new EntityType("Block", 1, List.of(AttributeSpec.ofInt("points", 0, 100), AttributeSpec.ofBool("broken"),
              AttributeSpec.ofSymbols("state", List.of("open", "closed"))))), 2);

  static final LawPlan FALL = new LawPlan("fall", List.of(new Loop.Each(0, 0)), new PExpr.Const(1, PType.BOOL),
      List.of(new PEffect.Exact(0, Slots.Y, new PExpr.Binary(PExpr.BinaryOp.ADD,
          new PExpr.Attr(0, Slots.Y, null, PType.INT), new PExpr.Const(2, PType.INT), PType.INT))), 1, 0);
  static final LawPlan BREAK = new LawPlan("break", List.of(new Loop.Contact(0, 0, 1, 1, 4, 0)),
      new PExpr.Const(1, PType.BOOL), List.of(new PEffect.Exact(1, Slots.ALIVE, new PExpr.Const(0, PType.INT))), 2, 0);

  /** FALL with another constant: same shape, so it shares FALL's class. */
  static final LawPlan RISE = new LawPlan("rise", List.of(new Loop.Each(0, 0)), new PExpr.Const(1, PType.BOOL),
      List.of(new PEffect.Exact(0, Slots.Y, new PExpr.Binary(PExpr.BinaryOp.ADD,
          new PExpr.Attr(0, Slots.Y, null, PType.INT), new PExpr.Const(-3, PType.INT), PType.INT))), 1, 0);

  @TempDir Path dir;

  Path writeModel() throws IOException {
    Path jar = dir.resolve("model.jar");
    ModelJarWriter.forWorld(WORLD).law(FALL, 2.5).law(BREAK, 0.25).law(RISE, 1).options(7, 0.01)
        .source("pong.law", "world Pong { }\n").write(jar);
    return jar;
  }

  @Test
  void writtenJarLoadsWithItsWorldLawsWeightsOptionsAndSources() throws Exception {
    LoadedModel model = ModelJar.load(writeModel());
    assertEquals(List.of("fall", "break", "rise"), model.laws().stream().map(Law::name).toList());
    assertArrayEquals(new double[] {2.5, 0.25, 1}, model.weights());
    assertEquals(2, model.manifest().classes().size(), "fall and rise share a class");
    assertEquals(model.manifest().laws().get(0).className(), model.manifest().laws().get(2).className());
    assertEquals(7, model.manifest().nu());
    assertEquals(0.01, model.manifest().lambda());
    assertEquals("pong.law", model.manifest().sources().get(0).path());
    WorldSchema w = model.schema();
    assertEquals(List.of("NOOP", "UP"), w.actions());
    assertEquals(2, w.contactGap());
    assertEquals(WORLD.type(1).extras(), w.type(1).extras());

    Frame f = Frame.builder(w).add(5, 0, 10, 20, 2, 2).add(6, 1, 10, 22, 8, 3, 5, 0, 1).build();
    List<String> calls = new ArrayList<>();
    for (Law law : model.laws()) {
      law.apply(f, recorder(calls));
    }
    assertEquals(List.of("exact 0 1 22", "exact 1 -1 0", "exact 0 1 17"), calls);
  }

  @Test
  void theFloorRoundTripsThroughModelJson() throws Exception {
    Path jar = dir.resolve("floored.jar");
    java.util.Map<String, Double> floor = new java.util.LinkedHashMap<>();
    floor.put("x", 0.25);
    floor.put("points", 1e-4);
    floor.put("spawn", 0.0);
    ModelJarWriter.forWorld(WORLD).law(FALL, 1).floor(floor).write(jar);
    LoadedModel model = ModelJar.load(jar);
    assertEquals(floor, model.manifest().floor());
    assertEquals(List.copyOf(floor.keySet()), List.copyOf(model.manifest().floor().keySet()));
    assertEquals(dev.nomos.runtime.model.Floor.of(floor), model.model().floor());

    // A jar written before floors existed has none: every channel takes the default.
    String json = new String(entry(jar, ModelManifest.PATH), StandardCharsets.UTF_8);
    String withoutFloor = json.replaceAll(",\\s*\"floor\" : \\{[^}]*\\}", "");
    assertFalse(withoutFloor.contains("floor"), withoutFloor);
    replaceEntry(jar, ModelManifest.PATH, withoutFloor.getBytes(StandardCharsets.UTF_8), false);
    assertEquals(dev.nomos.runtime.model.Floor.defaults(), ModelJar.load(jar).model().floor());

    replaceEntry(jar, ModelManifest.PATH, json.replace("\"spawn\" : 0.0", "\"colour\" : 0.0").getBytes(StandardCharsets.UTF_8),
        false);
    ModelJarException unknown = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(unknown.getMessage().contains("options.floor.colour is no floor channel"), unknown.getMessage());
    replaceEntry(jar, ModelManifest.PATH, json.replace("\"x\" : 0.25", "\"x\" : 1.5").getBytes(StandardCharsets.UTF_8),
        false);
    ModelJarException range = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(range.getMessage().contains("options.floor.x must be a number in [0, 1)"), range.getMessage());
  }

  @Test
  void sharedSymbolTypesRoundTripThroughModelJson() throws Exception {
    List<String> colors = List.of("red", "blue");
    WorldSchema world = new WorldSchema("Paint", 10, 10, -1, 1, List.of("NOOP"),
        List.of(new EntityType("Ball", 0, List.of(AttributeSpec.ofSymbolType("color", "Color", colors))),
            new EntityType("Block", 1, List.of(AttributeSpec.ofSymbolType("tint", "Color", colors),
                AttributeSpec.ofSymbols("state", List.of("open", "closed"))))), 1);
    Path jar = dir.resolve("paint.jar");
    ModelJarWriter.forWorld(world).law(FALL, 1).write(jar);
    WorldSchema loaded = ModelJar.load(jar).schema();
    assertEquals(Map.of("Color", colors), loaded.symbolTypes());
    assertEquals("Color", loaded.type(1).extras().get(0).symbolType());
    assertEquals(null, loaded.type(1).extras().get(1).symbolType());

    // Attributes of one type must agree on its symbols.
    String json = new String(entry(jar, ModelManifest.PATH), StandardCharsets.UTF_8);
    int tint = json.indexOf("\"tint\"");
    String broken = json.substring(0, tint) + json.substring(tint).replaceFirst("\"blue\"", "\"green\"");
    replaceEntry(jar, ModelManifest.PATH, broken.getBytes(StandardCharsets.UTF_8), false);
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("Block.tint has symbol type Color"), e.getMessage());
  }

  @Test
  void sameInputsGiveTheSameJarBytes() throws Exception {
    byte[] first = Files.readAllBytes(writeModel());
    byte[] second = Files.readAllBytes(writeModel());
    assertArrayEquals(first, second);
  }

  @Test
  void classReferringToJavaIoFileIsRefusedNamingClassAndReference() throws Exception {
    Path jar = writeModel();
    String victim = manifestOf(jar).laws().get(0).className();
    replaceClass(jar, victim, forgedLaw(victim, "fall", mv -> {
      mv.visitTypeInsn(NEW, "java/io/File");
      mv.visitInsn(DUP);
      mv.visitLdcInsn("/etc/passwd");
      mv.visitMethodInsn(INVOKESPECIAL, "java/io/File", "<init>", "(Ljava/lang/String;)V", false);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/io/File", "delete", "()Z", false);
      mv.visitInsn(POP);
    }));
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("class " + victim), e.getMessage());
    assertTrue(e.getMessage().contains("java/io/File"), e.getMessage());
  }

  @Test
  void classCallingRuntimeExecIsRefused() throws Exception {
    Path jar = writeModel();
    String victim = manifestOf(jar).laws().get(1).className();
    replaceClass(jar, victim, forgedLaw(victim, "break", mv -> {
      mv.visitMethodInsn(INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
      mv.visitInsn(POP);
    }));
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("class " + victim + " refers to java/lang/Runtime"), e.getMessage());
  }

  @Test
  void classHidingAForbiddenTypeInADescriptorIsRefused() throws Exception {
    Path jar = writeModel();
    String victim = manifestOf(jar).laws().get(0).className();
    replaceClass(jar, victim, forgedLaw(victim, "fall", mv -> {
      mv.visitVarInsn(ALOAD, 1);
      mv.visitMethodInsn(INVOKEVIRTUAL, "dev/nomos/runtime/Frame", "schema", "()Ldev/nomos/runtime/WorldSchema;",
          false);
      mv.visitInsn(POP);
    }));
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("dev/nomos/runtime/WorldSchema"), e.getMessage());
  }

  @Test
  void aClassThatIsNotTheOneModelJsonRecordsIsRefused() throws Exception {
    Path jar = writeModel();
    String victim = manifestOf(jar).laws().get(0).className();
    // A harmless class, but not the recorded one: the hash no longer matches.
    replaceEntry(jar, victim + ".class", forgedLaw(victim, "fall", mv -> { }), false);
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("class " + victim + " does not match the SHA-256"), e.getMessage());
  }

  @Test
  void lawWhoseConstantsDoNotFitItsClassIsRefused() throws Exception {
    Path jar = writeModel();
    String json = new String(entry(jar, ModelManifest.PATH), StandardCharsets.UTF_8);
    // Drop the constants of the second law ("break"): its class reads more than it is given.
    int at = json.indexOf("\"name\" : \"break\"");
    int ints = json.indexOf("\"ints\" : [", at);
    int close = json.indexOf("]", ints);
    replaceEntry(jar, ModelManifest.PATH, (json.substring(0, ints) + "\"ints\" : [" + json.substring(close))
        .getBytes(StandardCharsets.UTF_8), false);
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("law break (class " + manifestOf(jar).laws().get(1).className()
        + ") cannot be built from the constants"), e.getMessage());
  }

  @Test
  void lawNamingAnUnlistedClassIsRefused() throws Exception {
    Path jar = writeModel();
    String json = new String(entry(jar, ModelManifest.PATH), StandardCharsets.UTF_8);
    String cls = manifestOf(jar).laws().get(1).className();
    int at = json.indexOf("\"name\" : \"break\"");
    replaceEntry(jar, ModelManifest.PATH, (json.substring(0, at) + json.substring(at).replaceFirst(cls,
        "nomos/model/Elsewhere")).getBytes(StandardCharsets.UTF_8), false);
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("law break names class nomos/model/Elsewhere, which model.json does not list"),
        e.getMessage());
  }

  @Test
  void classMissingFromTheJarOrExtraInItIsRefused() throws Exception {
    Path jar = writeModel();
    String victim = manifestOf(jar).laws().get(1).className();
    removeEntry(jar, victim + ".class");
    ModelJarException missing = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(missing.getMessage().contains("class " + victim + " named in model.json is missing from the jar"),
        missing.getMessage());

    Path jar2 = writeModel();
    replaceEntry(jar2, "nomos/model/Extra.class", forgedLaw("nomos/model/Extra", "extra", mv -> { }), true);
    ModelJarException extra = assertThrows(ModelJarException.class, () -> ModelJar.load(jar2));
    assertTrue(extra.getMessage().contains("class nomos/model/Extra.class is in the jar but not in model.json"),
        extra.getMessage());
  }

  @Test
  void malformedModelJsonNamesTheField() throws Exception {
    Path jar = writeModel();
    String json = new String(entry(jar, ModelManifest.PATH), StandardCharsets.UTF_8);
    replaceEntry(jar, ModelManifest.PATH, json.replace("\"weight\" : 2.5", "\"weight\" : \"heavy\"")
        .getBytes(StandardCharsets.UTF_8), false);
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("laws[0].weight must be a number"), e.getMessage());
  }

  @Test
  void tamperedSourceIsRefused() throws Exception {
    Path jar = writeModel();
    replaceEntry(jar, ModelManifest.SOURCES_DIR + "pong.law", "world Evil { }".getBytes(StandardCharsets.UTF_8),
        false);
    ModelJarException e = assertThrows(ModelJarException.class, () -> ModelJar.load(jar));
    assertTrue(e.getMessage().contains("source pong.law does not match"), e.getMessage());
  }

  // ------------------------------------------------------------------ helpers

  static OpinionSink recorder(List<String> calls) {
    return new OpinionSink() {
      @Override public void exact(int o, int s, int v) { calls.add("exact " + o + " " + s + " " + v); }
      @Override public void range(int o, int s, int lo, int hi) { calls.add("range"); }
      @Override public void beginChoice(int o, int s) { calls.add("begin"); }
      @Override public void choice(int v, double w) { calls.add("choice"); }
      @Override public void endChoice() { calls.add("end"); }
      @Override public void beginJoint(int o) { calls.add("joint"); }
      @Override public void jointAlternative(double w) { calls.add("alternative"); }
      @Override public void jointValue(int s, int v) { calls.add("value"); }
      @Override public void endJoint() { calls.add("endjoint"); }
      @Override public void spawn(int t, int x, int y) { calls.add("spawn"); }
      @Override public void beginSpawn(int t, double p, int c) { calls.add("beginSpawn"); }
      @Override public void place(int x, int y, double w) { calls.add("place"); }
      @Override public void placeRange(int x0, int y0, int x1, int y1) { calls.add("placeRange"); }
      @Override public void endSpawn() { calls.add("endSpawn"); }
    };
  }

  /** A class that implements Law like a generated one, with extra code at the start of apply. */
  static byte[] forgedLaw(String internalName, String lawName, Consumer<MethodVisitor> payload) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, "java/lang/Object",
        new String[] {"dev/nomos/runtime/Law"});
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "(Ljava/lang/String;[I[D)V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor name = cw.visitMethod(ACC_PUBLIC, "name", "()Ljava/lang/String;", null, null);
    name.visitCode();
    name.visitLdcInsn(lawName);
    name.visitInsn(ARETURN);
    name.visitMaxs(0, 0);
    name.visitEnd();
    MethodVisitor apply = cw.visitMethod(ACC_PUBLIC, "apply",
        "(Ldev/nomos/runtime/Frame;Ldev/nomos/runtime/OpinionSink;)V", null, null);
    apply.visitCode();
    payload.accept(apply);
    apply.visitInsn(RETURN);
    apply.visitMaxs(0, 0);
    apply.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  static ModelManifest manifestOf(Path jar) throws Exception {
    return dev.nomos.runtime.jar.internal.ManifestJson.read(entry(jar, ModelManifest.PATH));
  }

  /** Replaces a law class and updates its hash in model.json, so only the reference check can catch it. */
  static void replaceClass(Path jar, String className, byte[] bytes) throws IOException {
    Map<String, byte[]> entries = entries(jar);
    String oldHash = Hashes.sha256(entries.get(className + ".class"));
    entries.put(className + ".class", bytes);
    String json = new String(entries.get(ModelManifest.PATH), StandardCharsets.UTF_8);
    entries.put(ModelManifest.PATH, json.replace(oldHash, Hashes.sha256(bytes)).getBytes(StandardCharsets.UTF_8));
    writeEntries(jar, entries);
  }

  static void replaceEntry(Path jar, String name, byte[] bytes, boolean add) throws IOException {
    Map<String, byte[]> entries = entries(jar);
    assertTrue(add || entries.containsKey(name), name);
    entries.put(name, bytes);
    writeEntries(jar, entries);
  }

  static void removeEntry(Path jar, String name) throws IOException {
    Map<String, byte[]> entries = entries(jar);
    assertTrue(entries.remove(name) != null, name);
    writeEntries(jar, entries);
  }

  static byte[] entry(Path jar, String name) throws IOException {
    return entries(jar).get(name);
  }

  static Map<String, byte[]> entries(Path jar) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  static void writeEntries(Path jar, Map<String, byte[]> entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }
}
