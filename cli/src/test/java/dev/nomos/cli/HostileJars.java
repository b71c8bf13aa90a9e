package dev.nomos.cli;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_SYNCHRONIZED;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import dev.nomos.runtime.jar.ModelManifest;
import dev.nomos.runtime.jar.internal.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Tampered model jars, as an attacker would write them: a real jar from {@code nomos compile} whose
 * law class is replaced by hand-written bytecode (with model.json's hash updated to match, so that
 * only the verifier and the runtime's containment stand in the way), or whose model.json is edited.
 */
final class HostileJars {
  static final String CLASS = "nomos/model/Law0";
  private static final String FRAME = "dev/nomos/runtime/Frame";
  private static final String SINK = "dev/nomos/runtime/OpinionSink";

  private HostileJars() {}

  /**
   * A law class of the shape generated laws have (constructor {@code (String, int[], double[])},
   * {@code name()}, {@code apply}), whose apply runs {@code applyBody} (locals: 0 this, 1 the frame,
   * 2 the sink; it ends with its own return or throw) and to which {@code extra} may add members.
   */
  static byte[] lawClass(Consumer<MethodVisitor> applyBody, Consumer<ClassWriter> extra, int applyAccess) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, CLASS, null, "java/lang/Object",
        new String[] {"dev/nomos/runtime/Law"});
    cw.visitField(ACC_PRIVATE | ACC_FINAL, "name", "Ljava/lang/String;", null, null).visitEnd();
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "(Ljava/lang/String;[I[D)V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ALOAD, 1);
    init.visitFieldInsn(PUTFIELD, CLASS, "name", "Ljava/lang/String;");
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor name = cw.visitMethod(ACC_PUBLIC, "name", "()Ljava/lang/String;", null, null);
    name.visitCode();
    name.visitVarInsn(ALOAD, 0);
    name.visitFieldInsn(GETFIELD, CLASS, "name", "Ljava/lang/String;");
    name.visitInsn(ARETURN);
    name.visitMaxs(0, 0);
    name.visitEnd();
    MethodVisitor apply = cw.visitMethod(applyAccess, "apply", "(L" + FRAME + ";L" + SINK + ";)V", null, null);
    apply.visitCode();
    applyBody.accept(apply);
    apply.visitMaxs(0, 0);
    apply.visitEnd();
    extra.accept(cw);
    cw.visitEnd();
    return cw.toByteArray();
  }

  static byte[] lawClass(Consumer<MethodVisitor> applyBody) {
    return lawClass(applyBody, cw -> { }, ACC_PUBLIC);
  }

  static byte[] synchronizedApply() {
    return lawClass(mv -> mv.visitInsn(RETURN), cw -> { }, ACC_PUBLIC | ACC_SYNCHRONIZED);
  }

  /** A class whose static initializer would run at load time (here it only returns). */
  static byte[] withStaticInitializer() {
    return lawClass(mv -> mv.visitInsn(RETURN), cw -> {
      MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
      clinit.visitCode();
      clinit.visitInsn(RETURN);
      clinit.visitMaxs(0, 0);
      clinit.visitEnd();
    }, ACC_PUBLIC);
  }

  /** Replaces the jar's only law class with {@code classFile}, recording its hash in model.json. */
  static void replaceLawClass(Path jar, byte[] classFile) throws IOException {
    Map<String, byte[]> entries = read(jar);
    String oldHash = Hashes.sha256(entries.get(CLASS + ".class"));
    entries.put(CLASS + ".class", classFile);
    String json = new String(entries.get(ModelManifest.PATH), StandardCharsets.UTF_8);
    entries.put(ModelManifest.PATH, json.replace(oldHash, Hashes.sha256(classFile)).getBytes(StandardCharsets.UTF_8));
    write(jar, entries);
  }

  /** Rewrites model.json with {@code edit}. */
  static void editModelJson(Path jar, UnaryOperator<String> edit) throws IOException {
    Map<String, byte[]> entries = read(jar);
    String json = new String(entries.get(ModelManifest.PATH), StandardCharsets.UTF_8);
    entries.put(ModelManifest.PATH, edit.apply(json).getBytes(StandardCharsets.UTF_8));
    write(jar, entries);
  }

  private static Map<String, byte[]> read(Path jar) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return entries;
  }

  private static void write(Path jar, Map<String, byte[]> entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }
}
