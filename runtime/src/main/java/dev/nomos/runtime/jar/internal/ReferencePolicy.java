package dev.nomos.runtime.jar.internal;

import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a law class in a model jar may refer to (docs/model-jars.md lists it for users). Generated
 * laws need only the Law SPI, frames, the opinion sink, the binding-budget error, the law scope record, the stdlib's pure
 * functions, {@code java.lang.Object} (superclass and constructor), {@code java.lang.String} (the
 * type of {@code name()}) and {@code java.lang.Math}. Everything else — I/O, reflection, threads,
 * class loading, {@code System}, {@code Runtime}, other runtime classes — is refused, as is every
 * dynamically linked constant (method handles, {@code invokedynamic}), so a loaded law can compute
 * but cannot reach anything. Every member reference must resolve, in this runtime, to a public
 * member its allowed owner declares (not inherits). A law class may not have a static initializer or
 * synchronized methods, take monitors, or store into arrays (the arrays of frames are shared with
 * the other laws, and generated laws never write into any array).
 */
public final class ReferencePolicy {
  /** JDK and runtime classes a law class may name, exactly. */
  public static final Set<String> ALLOWED_CLASSES = Set.of(
      "java/lang/Object", "java/lang/String", "java/lang/Math",
      "dev/nomos/runtime/Law", "dev/nomos/runtime/Frame", "dev/nomos/runtime/OpinionSink",
      "dev/nomos/runtime/Slots", "dev/nomos/runtime/BindingBudgetExceededException", "dev/nomos/runtime/LawScope");
  /** Every class directly in this package (not its subpackages) is allowed: the stdlib's pure functions. */
  public static final String ALLOWED_PACKAGE = "dev/nomos/stdlib/";

  private ReferencePolicy() {}

  /**
   * The first reference of {@code c} that the policy refuses, as a readable description, or null if
   * every reference is allowed. The class's own name is always allowed.
   */
  public static String firstRefused(ClassFileSummary c) {
    if (!c.dynamicTags().isEmpty()) {
      return "a dynamically linked constant (constant-pool tag " + c.dynamicTags().get(0)
          + ": method handle, method type or invokedynamic)";
    }
    for (String name : c.classes()) {
      if (!name.equals(c.thisClass()) && !allowedType(name)) {
        return name;
      }
    }
    for (String descriptor : c.descriptors()) {
      String refused = firstRefusedInDescriptor(descriptor, c.thisClass());
      if (refused != null) {
        return refused + " (in descriptor " + descriptor + ")";
      }
    }
    for (String name : c.classes()) {
      if (name.startsWith(ALLOWED_PACKAGE) && load(name) == null) {
        return name + " (no such class in this runtime)";
      }
    }
    for (ClassFileSummary.MemberRef ref : c.memberRefs()) {
      if (!resolves(ref, c)) {
        return ref.owner() + "." + ref.name() + (ref.descriptor().startsWith("(") ? "" : ":") + ref.descriptor()
            + (ref.owner().equals(c.thisClass()) ? " (not declared by the class itself)" : "");
      }
    }
    for (ClassFileSummary.Member m : c.members()) {
      if (m.method() && m.name().equals("<clinit>")) {
        return "a static initializer (<clinit>), which runs when the class loads";
      }
      if (m.method() && (m.access() & ClassFileSummary.ACC_SYNCHRONIZED) != 0) {
        return "a synchronized method " + m.name() + m.descriptor();
      }
    }
    for (int op : c.opcodes()) {
      if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
        return "a monitor instruction (monitorenter/monitorexit), which can block other threads";
      }
      if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
        return "an array store instruction, which could write into the frames that other laws read";
      }
    }
    return null;
  }

  /**
   * Whether a member reference links to a member the policy allows: one the class declares itself
   * (never one it inherits, such as {@code wait} reached through its own name); the constructor of
   * {@code java.lang.Object}; or a public member that an allowed class declares (not inherits:
   * {@code printStackTrace} through {@code BindingBudgetExceededException} stays out) and that exists
   * in this runtime with exactly that descriptor, so a call to a missing function is refused here and
   * never fails while a law runs.
   */
  private static boolean resolves(ClassFileSummary.MemberRef ref, ClassFileSummary c) {
    if (ref.owner().equals(c.thisClass())) {
      return c.members().stream().anyMatch(m -> m.name().equals(ref.name()) && m.descriptor().equals(ref.descriptor()));
    }
    if (ref.owner().equals("java/lang/Object")) {
      return ref.name().equals("<init>") && ref.descriptor().equals("()V");
    }
    if (ref.owner().equals("java/lang/String") || !allowedType(ref.owner()) || ref.owner().startsWith("[")) {
      return false;
    }
    Class<?> owner = load(ref.owner());
    return owner != null && publicMembers(owner).contains(ref.name() + " " + ref.descriptor());
  }

  private static final Map<Class<?>, Set<String>> MEMBERS = new ConcurrentHashMap<>();

  /** "name descriptor" of each public field, method and constructor {@code owner} declares. */
  private static Set<String> publicMembers(Class<?> owner) {
    return MEMBERS.computeIfAbsent(owner, o -> {
      Set<String> out = new HashSet<>();
      for (Field f : o.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers())) {
          out.add(f.getName() + " " + descriptor(f.getType()));
        }
      }
      for (Method m : o.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())) {
          out.add(m.getName() + " " + methodDescriptor(m.getParameterTypes(), m.getReturnType()));
        }
      }
      for (Constructor<?> k : o.getDeclaredConstructors()) {
        if (Modifier.isPublic(k.getModifiers())) {
          out.add("<init> " + methodDescriptor(k.getParameterTypes(), void.class));
        }
      }
      return out;
    });
  }

  private static String methodDescriptor(Class<?>[] parameters, Class<?> result) {
    StringBuilder sb = new StringBuilder("(");
    for (Class<?> p : parameters) {
      sb.append(descriptor(p));
    }
    return sb.append(')').append(descriptor(result)).toString();
  }

  private static String descriptor(Class<?> type) {
    return MethodType.methodType(type).toMethodDescriptorString().substring(2);
  }

  /** The runtime's class of that internal name, not initialised, or null if there is none. */
  private static Class<?> load(String internalName) {
    try {
      return Class.forName(internalName.replace('/', '.'), false, ReferencePolicy.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** An internal class name or array descriptor ({@code [I}, {@code [Ljava/lang/String;}). */
  static boolean allowedType(String name) {
    if (name.startsWith("[")) {
      return firstRefusedInDescriptor(name, null) == null;
    }
    if (ALLOWED_CLASSES.contains(name)) {
      return true;
    }
    return name.startsWith(ALLOWED_PACKAGE) && name.indexOf('/', ALLOWED_PACKAGE.length()) < 0;
  }

  /** The first class named in a field or method descriptor that is not allowed, or null. */
  static String firstRefusedInDescriptor(String descriptor, String self) {
    for (int i = 0; i < descriptor.length(); i++) {
      if (descriptor.charAt(i) == 'L') {
        int end = descriptor.indexOf(';', i);
        if (end < 0) {
          return descriptor;
        }
        String name = descriptor.substring(i + 1, end);
        if (!name.equals(self) && !allowedType(name)) {
          return name;
        }
        i = end;
      }
    }
    return null;
  }

  /** For messages: the allowed references, one line. */
  public static String describe() {
    List<String> sorted = ALLOWED_CLASSES.stream().sorted().toList();
    return String.join(", ", sorted) + ", " + ALLOWED_PACKAGE + "*";
  }
}
