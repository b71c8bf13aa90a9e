package dev.nomos.lsp.internal;

import dev.nomos.compiler.source.Span;

/**
 * One appearance of a name: where ({@code uri}, {@code span} of the name only), what it stands for,
 * whether this is its declaration, and {@code detail}: the binder's type for binders, the
 * attribute's owner type for attribute uses (what hover shows).
 */
public record Occurrence(String uri, Span span, SymbolKey key, boolean declaration, String detail) {}
