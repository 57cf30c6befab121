package io.sextant.solver.engine;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowToken;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Native prices of one request's tokens (wei per 10^18 base units) and the solver's fee. A token's
 * price is its reference price; the wrapped native token's is 10^18; otherwise it is estimated by
 * routing a buy of {@link NativeToken#estimationAmount()} native with the token ({@code price =
 * 10^18·amount/input}), as the reference solver does. Fee of a limit order: {@code
 * gas·effectiveGasPrice·10^18 / price(sellToken)}, rounded down. Per request; not thread-safe.
 */
final class NativePrices {
  private static final BigInteger E18 = BigInteger.TEN.pow(18);

  private final CowAuction auction;
  private final CowMarket market;
  private final RouteFinder finder;
  private final NativeToken nativeToken;
  private final Map<String, BigInteger> cache = new HashMap<>();

  NativePrices(
      final CowAuction auction,
      final CowMarket market,
      final RouteFinder finder,
      final NativeToken nativeToken) {
    this.auction = auction;
    this.market = market;
    this.finder = finder;
    this.nativeToken = nativeToken;
  }

  /** Wei per 10^18 base units of {@code token}, or {@code null} when it cannot be priced. */
  BigInteger price(final String token) {
    if (cache.containsKey(token)) {
      return cache.get(token);
    }
    final BigInteger p = compute(token);
    cache.put(token, p);
    return p;
  }

  private BigInteger compute(final String token) {
    final CowToken t = auction.tokens().get(token);
    if (t != null && t.referencePrice() != null && t.referencePrice().signum() > 0) {
      return t.referencePrice();
    }
    if (token.equals(nativeToken.address())) {
      return E18;
    }
    final int sell = market.token(token);
    final int buy = market.token(nativeToken.address());
    if (sell < 0 || buy < 0) {
      return null;
    }
    final Route r = finder.route(sell, buy, false, nativeToken.estimationAmount());
    if (r == null || r.amountIn().signum() <= 0) {
      return null;
    }
    final BigInteger p = E18.multiply(nativeToken.estimationAmount()).divide(r.amountIn());
    return p.signum() > 0 ? p : null;
  }

  /** The fee for {@code gas} units in {@code sellToken}, or {@code null} when it has no price. */
  BigInteger fee(final String sellToken, final long gas) {
    final BigInteger p = price(sellToken);
    if (p == null) {
      return null;
    }
    return BigInteger.valueOf(gas).multiply(auction.effectiveGasPrice()).multiply(E18).divide(p);
  }
}
