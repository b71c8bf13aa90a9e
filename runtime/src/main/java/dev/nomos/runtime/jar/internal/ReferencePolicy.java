package dev.nomos.runtime.jar.internal;

import java.util.List;
import java.util.Set;

/**
 * What a law class in a model jar may refer to (docs/model-jars.md lists it for users). Generated
 * laws need only the Law SPI, frames, the opinion sink, the binding-budget error, the stdlib's pure
 * functions, {@code java.lang.Object} (superclass and constructor), {@code java.lang.String} (the
 * type of {@code name()}) and {@code java.lang.Math}. Everything else — I/O, reflection, threads,
 * class loading, {@code System}, {@code Runtime}, other runtime classes — is refused, as is every
 * dynamically linked constant (method handles, {@code invokedynamic}), so a loaded law can compute
 * but cannot reach anything.
 */
public final class ReferencePolicy {
  /** JDK and runtime classes a law class may name, exactly. */
  public static final Set<String> ALLOWED_CLASSES = Set.of(
      "java/lang/Object", "java/lang/String", "java/lang/Math",
      "dev/nomos/runtime/Law", "dev/nomos/runtime/Frame", "dev/nomos/runtime/OpinionSink",
      "dev/nomos/runtime/Slots", "dev/nomos/runtime/BindingBudgetExceededException");
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
    for (ClassFileSummary.MemberRef ref : c.memberRefs()) {
      // java.lang.Object offers only its constructor; getClass, wait and notify stay out of reach.
      if (ref.owner().equals("java/lang/Object") && !ref.name().equals("<init>")) {
        return "java/lang/Object." + ref.name() + ref.descriptor();
      }
      if (ref.owner().equals("java/lang/String")) {
        return "java/lang/String." + ref.name() + ref.descriptor();
      }
    }
    return null;
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
