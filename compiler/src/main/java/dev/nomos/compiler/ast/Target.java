package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;

/** {@code b.vy} on the left of an effect: an attribute of a bound object at t+1. */
public record Target(Name object, Name attribute, Span span) implements Node {}
