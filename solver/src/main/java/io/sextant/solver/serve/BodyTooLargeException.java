package io.sextant.solver.serve;

/** A request body over {@code server.maxBodyBytes}: HTTP 413. */
final class BodyTooLargeException extends Exception {
  private static final long serialVersionUID = 1L;

  BodyTooLargeException(final String message) {
    super(message);
  }
}
