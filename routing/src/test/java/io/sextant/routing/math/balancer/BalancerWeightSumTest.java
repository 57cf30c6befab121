package io.sextant.routing.math.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BalancerWeightSumTest {
  @Test
  void shouldAcceptCompressedWeightsOfRealPools() {
    // Mainnet pool 0x32f0dc9e… of auction 7400693: weights sum to 1 + 1/65535.
    BalancerWeightedPool.fromDecimals(
        new String[] {"1309301", "47250093611199"},
        new String[] {"1000000000000", "1"},
        new String[] {"0.950011444266422523", "0.050003814755474175"},
        "0.003",
        "v0");
  }

  @Test
  void shouldRejectWeightsThatDoNotSumToOne() {
    final IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BalancerWeightedPool.fromDecimals(
                    new String[] {"1000", "1000"},
                    new String[] {"1", "1"},
                    new String[] {"0.5", "0.6"},
                    "0.003",
                    "v0"));
    assertEquals("weights sum to 1.1, not 1", e.getMessage());
  }
}
