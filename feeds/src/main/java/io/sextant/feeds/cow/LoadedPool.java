package io.sextant.feeds.cow;

import io.sextant.routing.math.ExactPool;
import java.math.BigInteger;
import java.util.List;

/**
 * One liquidity source of an auction, built into exact pool math, or the reason it could not be.
 *
 * @param index position in the auction's {@code liquidity} array
 * @param source the parsed CoW entry
 * @param pool the exact math for it, or {@code null} when {@code error} is set
 * @param error why the entry could not be built (names the field), or {@code null}
 */
public record LoadedPool(int index, CowLiquidity source, ExactPool pool, String error) {
  /** The liquidity id. */
  public String id() {
    return source.id();
  }

  /** Token addresses in the pool's index order. */
  public List<String> tokens() {
    return source.tokenAddresses();
  }

  /** Gas units one swap through this pool costs. */
  public BigInteger gasEstimate() {
    return source.gasEstimate();
  }

  /** The index of {@code token} in this pool, or -1. */
  public int tokenIndex(final String token) {
    return tokens().indexOf(token);
  }

  /** Whether the pool was built. */
  public boolean usable() {
    return pool != null;
  }
}
