package io.sextant.solver.journal;

/** A journal entry that does not decode: the message names the entry and the field. */
public final class JournalFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An entry that does not decode, for the reason given. */
  public JournalFormatException(final String message) {
    super(message);
  }
}
