package dev.nomos.compiler.ast;

import dev.nomos.compiler.source.Span;
/**
 * The probability of a creation: {@code with probability 0.25} (written: {@code fitted} false) or
 * {@code with probability fitted [0.25]} (fitted by {@code nomos fit}, from {@code text} when one is
 * written; {@code text} is null and {@code value} NaN when none is).
 */
public record Chance(boolean fitted, double value, String text, Span span) implements Node {}
