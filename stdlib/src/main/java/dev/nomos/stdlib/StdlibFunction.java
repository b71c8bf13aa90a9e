package dev.nomos.stdlib;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Objects;

/**
 * One function laws may call. The signature feeds the checker; {@code owner}/{@code javaName}/
 * {@link #descriptor()} feed the code generator's {@code invokestatic}; {@link #handle()} feeds the
 * interpreter; {@code doc} feeds the reference docs and the LLM prompt. When any parameter is an
 * OBJECT, the Java method takes the {@code dev.nomos.runtime.Frame} first.
 *
 * <p>{@code absent} is what a call on objects answers at an earlier frame ({@code touching(a, b)@-2})
 * where one of its objects was not there: the function's "no such relation" value (false, 0, -1 or
 * the ordinal of {@link Side#NONE}), as an int (booleans 0/1). Functions without OBJECT parameters
 * cannot be read at earlier frames and ignore it.
 */
public record StdlibFunction(String name, List<Param> params, ParamType returns, String doc, Class<?> owner,
    String javaName, int absent) {

  /** A named parameter, for signatures in docs and completion. */
  public record Param(String name, ParamType type) {}

  public StdlibFunction {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
    Objects.requireNonNull(returns, "returns");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(javaName, "javaName");
  }

  /** A function whose value at an earlier frame without its objects is 0 (false). */
  public StdlibFunction(String name, List<Param> params, ParamType returns, String doc, Class<?> owner,
      String javaName) {
    this(name, params, returns, doc, owner, javaName, 0);
  }

  /** This function with another value for earlier frames where an object argument was not there. */
  public StdlibFunction absentAs(int value) {
    return new StdlibFunction(name, params, returns, doc, owner, javaName, value);
  }

  /** Whether the Java method takes the frame as its first parameter. */
  public boolean takesFrame() {
    return params.stream().anyMatch(p -> p.type() == ParamType.OBJECT);
  }

  /**
   * The index of the parameter naming the type whose objects the function scans (the {@code TYPE}
   * parameter of {@code nearest_distance(a, Wall)}), or -1 for a function that looks at its
   * arguments only. Both engines charge each scanned object to the law's binding budget.
   */
  public int scannedTypeParam() {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).type() == ParamType.TYPE) {
        return i;
      }
    }
    return -1;
  }

  /** JVM method descriptor of the Java implementation. */
  public String descriptor() {
    StringBuilder sb = new StringBuilder("(");
    if (takesFrame()) {
      sb.append("Ldev/nomos/runtime/Frame;");
    }
    for (Param p : params) {
      sb.append(p.type().descriptor());
    }
    return sb.append(')').append(returns.descriptor()).toString();
  }

  /** Internal JVM name of the owner class. */
  public String ownerInternalName() {
    return owner.getName().replace('.', '/');
  }

  /** A handle on the Java implementation, with the exact Java parameter types. */
  public MethodHandle handle() {
    try {
      return MethodHandles.publicLookup().findStatic(owner, javaName, methodType());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("stdlib function " + name + " has no method " + owner.getName() + "." + javaName, e);
    }
  }

  private MethodType methodType() {
    Class<?>[] types = new Class<?>[params.size() + (takesFrame() ? 1 : 0)];
    int k = 0;
    if (takesFrame()) {
      types[k++] = dev.nomos.runtime.Frame.class;
    }
    for (Param p : params) {
      types[k++] = p.type() == ParamType.BOOL ? boolean.class : int.class;
    }
    return MethodType.methodType(returns == ParamType.BOOL ? boolean.class : int.class, types);
  }

  /** {@code name(a: int, b: int) -> int}, as docs and prompts show it. */
  public String signature() {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(params.get(i).name()).append(": ").append(typeName(params.get(i).type()));
    }
    return sb.append(") -> ").append(typeName(returns)).toString();
  }

  private static String typeName(ParamType t) {
    return switch (t) {
      case INT -> "int";
      case BOOL -> "bool";
      case OBJECT -> "Object";
      case TYPE -> "Type";
      case SIDE -> "Side";
    };
  }
}
