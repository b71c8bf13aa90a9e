package dev.nomos.runtime.jar.internal;

import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.io.Printable;

/**
 * A law of a model jar behind the boundary its host needs: whatever the jar's code throws while it
 * runs (a stack overflow, an out-of-memory error, a linkage error, a runtime exception with any
 * message) leaves it as one {@link JarLawFailure} whose message is printable text naming what
 * failed, never the jar's own throwable and its stack. A budget overrun passes through unchanged:
 * the runtime reports it like any law's.
 */
public final class ContainedLaw implements Law {
  private final Law law;
  private final String name;

  public ContainedLaw(Law law, String name) {
    this.law = law;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void apply(Frame frame, OpinionSink out) {
    try {
      law.apply(frame, out);
    } catch (BindingBudgetExceededException budget) {
      throw budget;
    } catch (Throwable t) {
      throw new JarLawFailure("failed in the model jar's code: " + describe(t));
    }
  }

  /** The throwable's class and message, shortened and with control characters shown as escapes. */
  public static String describe(Throwable t) {
    String message = t.getMessage();
    String text = t.getClass().getName() + (message == null ? "" : ": " + message);
    return Printable.of(text, 300);
  }

  /** What a jar law threw, reduced to text: no cause and no stack trace to print. */
  public static final class JarLawFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JarLawFailure(String message) {
      super(message, null, false, false);
    }
  }
}
