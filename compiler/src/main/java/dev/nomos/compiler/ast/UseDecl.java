package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;

/** {@code use "world.law"}: takes the world declared in another file, relative to this one. */
public record UseDecl(String path, Span span) implements Node {}
