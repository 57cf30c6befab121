package io.sextant.routing.math.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 190 weighted and 9 stable pools of a real CoW mainnet auction (7400693): every pool either
 * loads or is refused with a message naming the field, and every pair of every loaded pool swaps
 * (0.1% and 10% of the input balance, both directions of exactness) exactly as the BigInteger model
 * does.
 */
class MainnetAuctionPoolsTest {
  private static JsonNode liquidity() throws Exception {
    try (InputStream in =
        MainnetAuctionPoolsTest.class.getResourceAsStream(
            "/balancer/mainnet-auction-7400693-balancer.json")) {
      return new ObjectMapper().readTree(in).get("liquidity");
    }
  }

  private static String model(final java.util.function.Supplier<BigInteger> f) {
    try {
      return f.get().toString();
    } catch (BalancerModel.Revert e) {
      return "revert " + e.getMessage();
    }
  }

  private static String actual(final boolean ok, final UInt256 v, final SwapResult r) {
    return ok ? v.toString() : "revert " + r.failure();
  }

  @Test
  void everyPoolShouldLoadOrBeRefusedByFieldAndSwapLikeTheModel() throws Exception {
    int weighted = 0;
    int stable = 0;
    int swaps = 0;
    final List<String> refused = new ArrayList<>();
    final SwapResult r = new SwapResult();
    for (final JsonNode l : liquidity()) {
      final List<String> balances = new ArrayList<>();
      final List<String> scaling = new ArrayList<>();
      final List<String> weights = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = l.get("tokens").fields(); it.hasNext(); ) {
        final JsonNode t = it.next().getValue();
        balances.add(t.get("balance").asText());
        scaling.add(t.get("scalingFactor").asText());
        if (t.has("weight")) {
          weights.add(t.get("weight").asText());
        }
      }
      final int n = balances.size();
      final BigInteger[] b = new BigInteger[n];
      final BigInteger[] s = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        b[i] = new BigInteger(balances.get(i));
        s[i] = FixedPoint.parse("s", scaling.get(i)).toBigInteger();
      }
      final BigInteger fee = FixedPoint.parse("fee", l.get("fee").asText()).toBigInteger();
      final boolean isWeighted = l.get("kind").asText().equals("weightedProduct");
      final io.sextant.routing.math.ExactPool pool;
      try {
        pool =
            isWeighted
                ? BalancerWeightedPool.fromDecimals(
                    balances.toArray(String[]::new),
                    scaling.toArray(String[]::new),
                    weights.toArray(String[]::new),
                    l.get("fee").asText(),
                    l.get("version").asText())
                : BalancerStablePool.fromDecimals(
                    balances.toArray(String[]::new),
                    scaling.toArray(String[]::new),
                    l.get("amplificationParameter").asText(),
                    l.get("fee").asText(),
                    -1);
      } catch (IllegalArgumentException e) {
        assertTrue(
            e.getMessage().matches("(balances\\[\\d] is zero|weights sum to [0-9.]+, not 1)"),
            e.getMessage());
        refused.add(e.getMessage());
        continue;
      }
      if (isWeighted) {
        weighted++;
      } else {
        stable++;
      }
      final BigInteger[] w = new BigInteger[n];
      for (int i = 0; i < weights.size(); i++) {
        w[i] = FixedPoint.parse("w", weights.get(i)).toBigInteger();
      }
      final BigInteger amp =
          isWeighted
              ? null
              : BalancerStablePool.parseAmplification(l.get("amplificationParameter").asText())
                  .toBigInteger();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i == j) {
            continue;
          }
          for (final int divisor : new int[] {1000, 10}) {
            final int in = i;
            final int out = j;
            final BigInteger a = b[i].divide(BigInteger.valueOf(divisor)).max(BigInteger.ONE);
            final BigInteger aOut = b[j].divide(BigInteger.valueOf(divisor)).max(BigInteger.ONE);
            final String expIn =
                isWeighted
                    ? model(
                        () -> BalancerModel.weightedSwapGivenIn(b, s, w, fee, false, in, out, a))
                    : model(() -> BalancerModel.stableSwapGivenIn(amp, b, s, fee, in, out, a));
            final boolean okIn = pool.exactIn(i, j, UInt256.of(a), r);
            assertEquals(expIn, actual(okIn, r.amountOut, r), l.get("id").asText());
            final String expOut =
                isWeighted
                    ? model(
                        () ->
                            BalancerModel.weightedSwapGivenOut(b, s, w, fee, false, in, out, aOut))
                    : model(() -> BalancerModel.stableSwapGivenOut(amp, b, s, fee, in, out, aOut));
            final boolean okOut = pool.exactOut(i, j, UInt256.of(aOut), r);
            assertEquals(expOut, actual(okOut, r.amountIn, r), l.get("id").asText());
            swaps += 2;
          }
        }
      }
    }
    // 25 weighted pools hold a zero balance. Six more carry compressed weights summing to
    // 1 + 1/65535: within WEIGHT_SUM_TOLERANCE, so they load and swap like the model.
    assertEquals(25, refused.size(), refused::toString);
    assertEquals(190 - 25, weighted);
    assertEquals(9, stable);
    assertTrue(swaps > 5000, "swaps " + swaps);
  }
}
