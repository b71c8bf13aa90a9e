package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;

/** {@code b: Ball}: a variable ranging over the objects of one type ({@code Object}: any type). */
public record Binding(Name variable, Name type, Span span) implements Node {}
