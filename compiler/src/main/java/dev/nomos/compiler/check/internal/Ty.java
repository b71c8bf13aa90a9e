package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.plan.PType;
import dev.nomos.runtime.WorldSchema;

/**
 * The checker's static types. ERROR stands for an expression already reported, so one mistake
 * gives one diagnostic rather than a cascade.
 */
public record Ty(Kind kind, int entityType, SymbolSet symbols) {

  public enum Kind { INT, BOOL, OBJECT, SYMBOL, ERROR }

  public static final Ty INT = new Ty(Kind.INT, 0, null);
  public static final Ty BOOL = new Ty(Kind.BOOL, 0, null);
  public static final Ty ERROR = new Ty(Kind.ERROR, 0, null);

  public static Ty object(int entityType) {
    return new Ty(Kind.OBJECT, entityType, null);
  }

  public static Ty of(SymbolSet set) {
    return new Ty(Kind.SYMBOL, 0, set);
  }

  public boolean isError() {
    return kind == Kind.ERROR;
  }

  /** Whether values of the two types can be compared with {@code ==}; objects of any types can. */
  public boolean compatible(Ty other) {
    if (kind != other.kind) {
      return false;
    }
    return kind != Kind.SYMBOL || symbols.equals(other.symbols);
  }

  public PType planType() {
    return switch (kind) {
      case BOOL -> PType.BOOL;
      case OBJECT -> PType.OBJECT;
      default -> PType.INT;
    };
  }

  /** How messages name the type: "int", "bool", "a Ball object", "a Side", "an action". */
  public String describe(WorldSchema schema) {
    return switch (kind) {
      case INT -> "int";
      case BOOL -> "bool";
      case OBJECT -> entityType < 0 || schema == null ? "an object"
          : "a " + schema.type(entityType).name() + " object";
      case SYMBOL -> symbols.owner().equals("action") ? "an action"
          : symbols.owner().equals("Side") ? "a Side" : "a symbol of " + symbols.owner();
      case ERROR -> "an invalid value";
    };
  }
}
