package dev.nomos.compiler.ast;

/** A top-level declaration: a world, a law, a constraint, the floor or a definition. */
public sealed interface TopDecl extends Node permits WorldDecl, LawDecl, ConstraintDecl, FloorDecl, DefDecl {
  Name name();

  /** The {@code ///} doc comment lines right above the declaration, joined by newlines; "" if none. */
  String doc();
}
