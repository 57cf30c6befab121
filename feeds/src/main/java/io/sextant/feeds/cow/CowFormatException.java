package io.sextant.feeds.cow;

import java.io.Serial;

/**
 * A CoW solver-engine document that does not have the format: names the JSON path of the field
 * (e.g. {@code liquidity[12].tokens.0xc02a….balance}) and the problem.
 */
public final class CowFormatException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final String path;

  /** A format error at {@code path}. */
  public CowFormatException(final String path, final String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** The JSON path of the offending field. */
  public String path() {
    return path;
  }
}
