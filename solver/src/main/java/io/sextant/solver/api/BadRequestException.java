package io.sextant.solver.api;

/** A request that cannot be solved as sent: HTTP 400, with the offending field named. */
public final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * {@code field} is a JSON path such as {@code orders[3].sellAmount} (empty for the whole body).
   */
  public BadRequestException(final String field, final String message) {
    super(field.isEmpty() ? message : field + ": " + message);
    this.field = field;
  }

  /** The JSON path of the offending field, or empty for the body as a whole. */
  public String field() {
    return field;
  }
}
