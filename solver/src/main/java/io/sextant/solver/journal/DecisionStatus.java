package io.sextant.solver.journal;

/** How a solve ended, as a decision entry records it. */
public final class DecisionStatus {
  /** The engine answered; the decision holds the response body. */
  public static final byte SOLVED = 0;

  /**
   * The engine refused the request ({@code BadRequestException}); the decision holds the message.
   */
  public static final byte REJECTED = 1;

  /** The engine failed (an unexpected exception); the decision holds the exception's text. */
  public static final byte FAILED = 2;

  private DecisionStatus() {}

  /** A status's name. */
  public static String name(final int status) {
    return switch (status) {
      case SOLVED -> "solved";
      case REJECTED -> "rejected";
      case FAILED -> "failed";
      default -> "unknown(" + status + ")";
    };
  }
}
