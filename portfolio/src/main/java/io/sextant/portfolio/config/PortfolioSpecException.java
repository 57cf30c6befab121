package io.sextant.portfolio.config;

/** A portfolio specification that cannot be used; the message starts with the offending key. */
public final class PortfolioSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param key the key path, e.g. {@code assets[3].amount}
   * @param problem what is wrong with it
   */
  public PortfolioSpecException(final String key, final String problem) {
    super(key + ": " + problem);
  }
}
