package dev.nomos.compiler.ast;

/** A top-level declaration: a world, a law, the floor or a definition. */
public sealed interface TopDecl extends Node permits WorldDecl, LawDecl, FloorDecl, DefDecl {
  Name name();

  /** The {@code ///} doc comment lines right above the declaration, joined by newlines; "" if none. */
  String doc();
}
