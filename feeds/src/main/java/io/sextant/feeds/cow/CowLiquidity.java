package io.sextant.feeds.cow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.SortedMap;

/**
 * One liquidity source of an auction, by {@code kind}. Amounts are base units, addresses lowercase,
 * decimals exact.
 */
public sealed interface CowLiquidity {
  /** Opaque id, unique within the auction. */
  String id();

  /** The pool's address. */
  String address();

  /** Gas units one swap through this source costs. */
  BigInteger gasEstimate();

  /** The wire name of the kind, e.g. {@code constantProduct}. */
  String kind();

  /** Token addresses of this source, in the pool's own index order. */
  List<String> tokenAddresses();

  /**
   * A Uniswap V2-like pair. Tokens are in pair order: {@code token0} is the lower address.
   *
   * @param balances reserves, index-aligned with {@code tokens}
   * @param fee the swap fee, e.g. 0.003
   */
  record ConstantProduct(
      String id,
      String address,
      BigInteger gasEstimate,
      String router,
      List<String> tokens,
      List<BigInteger> balances,
      BigDecimal fee)
      implements CowLiquidity {
    @Override
    public String kind() {
      return "constantProduct";
    }

    @Override
    public List<String> tokenAddresses() {
      return tokens;
    }
  }

  /**
   * A Uniswap V3 pool.
   *
   * @param tokens {@code [token0, token1]}
   * @param sqrtPriceX96 Q64.96 square-root price
   * @param liquidity in-range liquidity (uint128)
   * @param tick current tick
   * @param liquidityNet initialised ticks and their liquidityNet (int128), ascending
   * @param fee the swap fee, e.g. 0.003 (3000 pips)
   */
  record ConcentratedLiquidity(
      String id,
      String address,
      BigInteger gasEstimate,
      String router,
      List<String> tokens,
      BigInteger sqrtPriceX96,
      BigInteger liquidity,
      int tick,
      SortedMap<Integer, BigInteger> liquidityNet,
      BigDecimal fee)
      implements CowLiquidity {
    @Override
    public String kind() {
      return "concentratedLiquidity";
    }

    @Override
    public List<String> tokenAddresses() {
      return tokens;
    }
  }

  /**
   * A Balancer V2 weighted pool.
   *
   * @param tokens token addresses in the order given
   * @param balances balances, index-aligned
   * @param scalingFactors CoW scaling factors (10^(18 − decimals)), index-aligned
   * @param weights normalised weights, index-aligned
   * @param fee the swap fee
   * @param version {@code v0} or {@code v3Plus}
   */
  record WeightedProduct(
      String id,
      String address,
      BigInteger gasEstimate,
      String balancerPoolId,
      List<String> tokens,
      List<BigInteger> balances,
      List<BigDecimal> scalingFactors,
      List<BigDecimal> weights,
      BigDecimal fee,
      String version)
      implements CowLiquidity {
    @Override
    public String kind() {
      return "weightedProduct";
    }

    @Override
    public List<String> tokenAddresses() {
      return tokens;
    }
  }

  /**
   * A Balancer V2 stable (or composable stable) pool.
   *
   * @param tokens token addresses in the order given
   * @param balances balances, index-aligned
   * @param scalingFactors CoW scaling factors, index-aligned
   * @param amplificationParameter A, e.g. 100.0
   * @param fee the swap fee
   */
  record Stable(
      String id,
      String address,
      BigInteger gasEstimate,
      String balancerPoolId,
      List<String> tokens,
      List<BigInteger> balances,
      List<BigDecimal> scalingFactors,
      BigDecimal amplificationParameter,
      BigDecimal fee)
      implements CowLiquidity {
    @Override
    public String kind() {
      return "stable";
    }

    @Override
    public List<String> tokenAddresses() {
      return tokens;
    }
  }

  /**
   * A foreign (0x-like) limit order used as liquidity: pays {@code makerAmount} of {@code
   * makerToken} for {@code takerAmount} of {@code takerToken}, pro rata.
   */
  record LimitOrder(
      String id,
      String address,
      BigInteger gasEstimate,
      String hash,
      String makerToken,
      String takerToken,
      BigInteger makerAmount,
      BigInteger takerAmount,
      BigInteger takerTokenFeeAmount)
      implements CowLiquidity {
    @Override
    public String kind() {
      return "limitOrder";
    }

    @Override
    public List<String> tokenAddresses() {
      return List.of(takerToken, makerToken);
    }
  }
}
