package io.sextant.routing.state;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.balancer.BalancerStablePool;
import io.sextant.routing.math.balancer.BalancerWeightedPool;
import io.sextant.routing.math.balancer.WeightedPoolVersion;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ2.UniswapV2Pool;
import io.sextant.routing.math.univ3.UniswapV3Pool;

/**
 * A reader's private copy of one pool, filled by {@link PoolStateStore#read}, and the exact math
 * rebuilt from it ({@link #pool()}). Owned by one thread; reuse it for every read. Accessors are
 * meaningful only after a read returned {@link PoolStateStore#OK} or {@link PoolStateStore#STALE}.
 */
public final class PoolSnapshot {
  private static final WeightedPoolVersion[] WEIGHTED_VERSIONS = WeightedPoolVersion.values();
  private static final CurveStableSwapPool.Variant[] CURVE_VARIANTS =
      CurveStableSwapPool.Variant.values();

  // Filled by PoolStateStore.read (same package), copied under the sequence lock.
  int slot = -1;
  int family;
  int tokenCount;
  long param0;
  long param1;
  int tick;
  int wordCount;
  int tickCount;
  long version;
  final long[] limbs = new long[PoolStateStore.MAX_WORDS_PER_POOL * 4];
  final int[] ticks;
  final long[] netLo;
  final long[] netHi;

  // Reader-local pools and argument holders: rebuilding allocates nothing in the store's code.
  private final UniswapV2Pool v2 = new UniswapV2Pool();
  private final UniswapV3Pool v3;
  private final BalancerWeightedPool weighted = new BalancerWeightedPool();
  private final BalancerStablePool stable = new BalancerStablePool();
  private final CurveStableSwapPool curve = new CurveStableSwapPool();
  private final UInt256 a = new UInt256();
  private final UInt256 b = new UInt256();
  private final UInt256 c = new UInt256();
  private final UInt256[] nets;
  // byCount[k][n]: the k-th argument array of length n (the pool classes take n from length).
  private final UInt256[][][] byCount = new UInt256[3][PoolStateStore.MAX_TOKENS + 1][];

  /** A snapshot holding up to {@code maxTicks} initialised V3 ticks. */
  public PoolSnapshot(final int maxTicks) {
    ticks = new int[maxTicks];
    netLo = new long[maxTicks];
    netHi = new long[maxTicks];
    nets = holders(maxTicks);
    v3 = new UniswapV3Pool(Math.max(maxTicks, 1));
    for (int k = 0; k < byCount.length; k++) {
      for (int n = 2; n <= PoolStateStore.MAX_TOKENS; n++) {
        byCount[k][n] = holders(n);
      }
    }
  }

  private static UInt256[] holders(final int n) {
    final UInt256[] h = new UInt256[n];
    for (int i = 0; i < n; i++) {
      h[i] = new UInt256();
    }
    return h;
  }

  /** The slot read. */
  public int slot() {
    return slot;
  }

  /** The family ({@link PoolStateStore#UNISWAP_V2}, ...). */
  public int family() {
    return family;
  }

  /** The pool's sequence-lock version at the read (even; 2 × writes since it was added). */
  public long version() {
    return version;
  }

  /** Tokens the pool trades (registered tokens, for Balancer stable). */
  public int tokenCount() {
    return tokenCount;
  }

  /** The i-th 256-bit word of the pool's state (layout per family, see the store) into dst. */
  public UInt256 word(final int i, final UInt256 dst) {
    final int j = i * 4;
    return dst.setLimbs(limbs[j], limbs[j + 1], limbs[j + 2], limbs[j + 3]);
  }

  /** V2: reserve of token {@code i}; Balancer/Curve: balance of token {@code i}. */
  public UInt256 balance(final int i, final UInt256 dst) {
    return word(i, dst);
  }

  /** V3: sqrtPriceX96 (Q64.96). */
  public UInt256 sqrtPriceX96(final UInt256 dst) {
    return word(0, dst);
  }

  /** V3: in-range liquidity. */
  public UInt256 liquidity(final UInt256 dst) {
    return word(1, dst);
  }

  /** V3: the current tick. */
  public int tick() {
    return tick;
  }

  /** V3: initialised ticks in the table. */
  public int tickCount() {
    return tickCount;
  }

  /** V3: the i-th initialised tick, ascending. */
  public int tickAt(final int i) {
    return ticks[i];
  }

  /** V3: liquidityNet of the i-th tick, int128 sign-extended into dst. */
  public UInt256 liquidityNetAt(final int i, final UInt256 dst) {
    final long hi = netHi[i];
    return dst.setLimbs(netLo[i], hi, hi >> 63, hi >> 63);
  }

  /** V3: the 128-bit liquidityNet of the i-th tick, low 64 bits. */
  public long liquidityNetLow(final int i) {
    return netLo[i];
  }

  /** V3: the 128-bit liquidityNet of the i-th tick, high 64 bits (signed). */
  public long liquidityNetHigh(final int i) {
    return netHi[i];
  }

  /**
   * Family parameter: V2 fee numerator, V3 fee pips, weighted version, stable BPT index, Curve
   * variant.
   */
  public long param0() {
    return param0;
  }

  /** Family parameter: V2 fee denominator, V3 tick spacing. */
  public long param1() {
    return param1;
  }

  /**
   * The exact math of the copied state, in a pool object this snapshot owns (valid until the next
   * call), or {@code null} if the copied state fails the pool class's own validation (the pool
   * should then be quarantined). Validation in the pool classes' {@code reset} is their cold path;
   * call this once per pool and request, not per quote.
   */
  public ExactPool pool() {
    try {
      return switch (family) {
        case PoolStateStore.UNISWAP_V2 -> v2.reset(word(0, a), word(1, b), param0, param1);
        case PoolStateStore.UNISWAP_V3 -> {
          for (int i = 0; i < tickCount; i++) {
            liquidityNetAt(i, nets[i]);
          }
          yield v3.reset(
              (int) param0, (int) param1, word(0, a), word(1, b), tick, ticks, nets, tickCount);
        }
        case PoolStateStore.BALANCER_WEIGHTED -> {
          final int n = tokenCount;
          final UInt256[] bal = byCount[0][n];
          final UInt256[] scale = byCount[1][n];
          final UInt256[] weight = byCount[2][n];
          for (int i = 0; i < n; i++) {
            word(i, bal[i]);
            word(n + i, scale[i]);
            word(2 * n + i, weight[i]);
          }
          yield weighted.reset(bal, scale, weight, word(3 * n, a), WEIGHTED_VERSIONS[(int) param0]);
        }
        case PoolStateStore.BALANCER_STABLE -> {
          final int n = tokenCount;
          final UInt256[] bal = byCount[0][n];
          final UInt256[] scale = byCount[1][n];
          for (int i = 0; i < n; i++) {
            word(i, bal[i]);
            word(n + i, scale[i]);
          }
          yield stable.reset(bal, scale, word(2 * n, a), word(2 * n + 1, b), (int) param0);
        }
        case PoolStateStore.CURVE -> {
          final int n = tokenCount;
          final UInt256[] bal = byCount[0][n];
          final UInt256[] rates = byCount[1][n];
          for (int i = 0; i < n; i++) {
            word(i, bal[i]);
            word(n + i, rates[i]);
          }
          yield curve.reset(
              bal,
              rates,
              word(2 * n, a),
              word(2 * n + 1, b),
              word(2 * n + 2, c),
              CURVE_VARIANTS[(int) param0]);
        }
        default -> null;
      };
    } catch (final IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }
}
