package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.SourceUnit;

/** A parsed file and the URI editors know it by. */
public record UnitRef(String uri, SourceUnit unit) {}
