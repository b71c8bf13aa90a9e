package dev.nomos.learn.internal;

/**
 * The binder of a mined law, as the miner chose it: each object {@code o} of a type (alone, or with
 * one object {@code u} of a partner type), or a contact of {@code o} with a {@code u} (on a side, or
 * on any), and perhaps one more object {@code w} of a type bound beside them (a teleport's landing
 * place). The miner asks these questions of the structure and prints it once ({@link #text()}).
 *
 * @param side the contact's side ({@code TOP}, ...), or null for a contact on any side and for
 *     {@code for} binders
 * @param partner the type of {@code u}, or null when the binder names o alone
 * @param also the type of {@code w}, or null
 */
record DraftBinder(boolean contact, String subject, String partner, String side, String also) {

  /** {@code for o: T}. */
  static DraftBinder each(String type) {
    return new DraftBinder(false, type, null, null, null);
  }

  /** {@code for o: T, u: P}. */
  static DraftBinder eachWith(String type, String partner) {
    return new DraftBinder(false, type, partner, null, null);
  }

  /** {@code on contact(o: T, u: P, side: S)}, or on any side when {@code side} is null. */
  static DraftBinder touching(String type, String partner, String side) {
    return new DraftBinder(true, type, partner, side, null);
  }

  /** The same binder with {@code w: T} bound beside it. */
  DraftBinder with(String alsoType) {
    return new DraftBinder(contact, subject, partner, side, alsoType);
  }

  /** Each object of a type and nothing else: {@code for o: T}. */
  boolean alone() {
    return !contact && partner == null && also == null;
  }

  String text() {
    if (!contact) {
      return "for o: " + subject + (partner == null ? "" : ", u: " + partner) + (also == null ? "" : ", w: " + also);
    }
    return "on contact(o: " + subject + ", u: " + partner + (side == null ? "" : ", side: " + side) + ")"
        + (also == null ? "" : "\n  for w: " + also);
  }

  @Override
  public String toString() {
    return text();
  }
}
