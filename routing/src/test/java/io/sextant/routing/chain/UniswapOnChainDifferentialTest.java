package io.sextant.routing.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sextant.routing.chain.UniswapContracts.V3SwapEvent;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ2.UniswapV2Pool;
import io.sextant.routing.math.univ3.UniswapV3Pool;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Differential test of the exact Uniswap math ({@link UniswapV2Pool}, {@link UniswapV3Pool})
 * against the real contract bytecode on a private anvil node.
 *
 * <p><b>How it works.</b> Maven's {@code generate-test-resources} phase runs {@code npm ci} in
 * {@code tools/chain} (anvil 1.7.1 and the {@code @uniswap} artifacts, pinned by its lock file) and
 * compiles our harness contracts with solc-js. This class starts anvil ({@link AnvilNode}, fails
 * rather than skips if it cannot), deploys the Uniswap factories and our harness ({@link
 * UniswapContracts}), and then:
 *
 * <ul>
 *   <li><b>Harness check</b>: published vectors (amm-test-vectors §E and §F) are reproduced on
 *       chain without any Java math, so the harness itself is known to read and drive the contracts
 *       correctly.
 *   <li><b>V2</b>: pairs with balanced, skewed, tiny and near-uint112 reserves (6- and 18-decimal
 *       tokens); random exact-in and exact-out swaps. Exact in: Java's output is paid by the pair
 *       and one wei more reverts {@code UniswapV2: K}. Exact out: Java's input equals Router02's
 *       {@code getAmountIn} and one wei less reverts {@code UniswapV2: K}. The swap is executed and
 *       the pair's {@code Sync} reserves must equal Java's after {@code apply}. Where Java refuses
 *       a swap, the chain must revert with the same reason.
 *   <li><b>V3</b>: pools at fee tiers 100/500/3000/10000 at varied prices, each with well over a
 *       hundred positions of random widths (so swaps cross many initialised ticks and bitmap
 *       words). Before every swap the pool's full state (price, tick, liquidity, every initialised
 *       tick's liquidityNet) is read in one {@code eth_call} into a fresh Java pool; the swap is
 *       simulated, executed on chain through the harness, and the {@code Swap} event's deltas,
 *       price, tick and liquidity must equal Java's to the wei, as must the ticks crossed.
 * </ul>
 *
 * <p>Run only this test: {@code mvn -B verify -pl routing -Dtest=UniswapOnChainDifferentialTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. The seed is printed; {@code -Dsextant.chain.seed=N}
 * repeats a run, {@code -Dsextant.chain.swaps=N} changes the swaps per family.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UniswapOnChainDifferentialTest {
  private static final BigInteger MIN_SQRT_RATIO = BigInteger.valueOf(4295128739L);
  private static final BigInteger MAX_SQRT_RATIO =
      new BigInteger("1461446703485210103287273052203988822378723970342");
  private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);
  private static final String K = "UniswapV2: K";

  private final long seed = Long.getLong("sextant.chain.seed", 20_260_524L);

  /** Swaps compared per family (executed on chain and equal to the wei; refusals not counted). */
  private final int swapsPerFamily = Integer.getInteger("sextant.chain.swaps", 1_000);

  private AnvilNode node;
  private Chain chain;
  private UniswapContracts uni;

  @BeforeAll
  void startChain() {
    node = AnvilNode.start();
    chain = new Chain(node);
    uni = new UniswapContracts(chain);
    System.out.printf(
        "[chain] anvil at %s, seed %d, log %s%n", node.rpcUrl(), seed, node.logFile());
  }

  @AfterAll
  void stopChain() {
    if (chain != null) {
      chain.close();
    }
    if (node != null) {
      node.close();
    }
  }

  // ====================================================================== the harness itself

  /**
   * The harness reproduces published vectors (amm-test-vectors §F from v2-core's
   * UniswapV2Pair.spec.ts, §E from v3-core's swaps snapshot) with no Java math involved, so a
   * harness bug cannot hide behind an identical Java bug.
   */
  @Test
  void harnessReproducesPublishedVectors() {
    final BigInteger e18 = BigInteger.TEN.pow(18);
    // §F: {amountIn, reserve0, reserve1 (units of 1e18), expected out}, token0 in
    final String[][] v2 = {
      {"1", "5", "10", "1662497915624478906"},
      {"1", "10", "5", "453305446940074565"},
      {"2", "5", "10", "2851015155847869602"},
      {"2", "10", "5", "831248957812239453"},
      {"1", "10", "10", "906610893880149131"},
      {"1", "100", "100", "987158034397061298"},
      {"1", "1000", "1000", "996006981039903216"},
    };
    final String factory = uni.deployV2Factory();
    for (final String[] row : v2) {
      final String a = uni.deployToken("FA", 18);
      final String b = uni.deployToken("FB", 18);
      final String pair = uni.createPair(factory, a, b);
      final String t0 = uni.token0(pair);
      final String t1 = t0.equalsIgnoreCase(a) ? b : a;
      uni.v2AddLiquidity(
          pair, t0, t1, new BigInteger(row[1]).multiply(e18), new BigInteger(row[2]).multiply(e18));
      final BigInteger in = new BigInteger(row[0]).multiply(e18);
      final BigInteger out = new BigInteger(row[3]);
      assertEquals(
          Optional.empty(),
          chain.revertReason(uni.harness, uni.v2SwapCall(pair, t0, in, BigInteger.ZERO, out)),
          "§F " + String.join(",", row));
      assertTrue(
          chain
              .revertReason(
                  uni.harness,
                  uni.v2SwapCall(pair, t0, in, BigInteger.ZERO, out.add(BigInteger.ONE)))
              .orElse("")
              .contains(K),
          "§F +1 " + String.join(",", row));
    }

    // §E: {fee, spacing, zeroForOne, amountSpecified, amount0, amount1, tick after}
    final String[][] v3 = {
      {
        "500",
        "10",
        "true",
        "1000000000000000000",
        "1000000000000000000",
        "-666444407401233536",
        "-8107"
      },
      {
        "500",
        "10",
        "false",
        "1000000000000000000",
        "-666444407401233536",
        "1000000000000000000",
        "8106"
      },
      {
        "3000",
        "60",
        "true",
        "1000000000000000000",
        "1000000000000000000",
        "-665331998665331998",
        "-8090"
      },
      {
        "3000",
        "60",
        "false",
        "1000000000000000000",
        "-665331998665331998",
        "1000000000000000000",
        "8089"
      },
      {
        "3000",
        "60",
        "true",
        "-1000000000000000000",
        "2006018054162487463",
        "-1000000000000000000",
        "-13864"
      },
      {
        "3000",
        "60",
        "false",
        "-1000000000000000000",
        "-1000000000000000000",
        "2006018054162487463",
        "13863"
      },
      {
        "10000",
        "200",
        "true",
        "1000000000000000000",
        "1000000000000000000",
        "-662207357859531772",
        "-8043"
      },
    };
    final String v3Factory = uni.deployV3Factory();
    for (final String[] row : v3) {
      final int fee = Integer.parseInt(row[0]);
      final int spacing = Integer.parseInt(row[1]);
      final boolean zeroForOne = Boolean.parseBoolean(row[2]);
      final String pool =
          uni.createV3Pool(
              v3Factory, uni.deployToken("EA", 18), uni.deployToken("EB", 18), fee, Q96);
      final int min = -(V3Snapshot.MAX_TICK / spacing) * spacing;
      final int max = (V3Snapshot.MAX_TICK / spacing) * spacing;
      uni.v3MintMany(pool, new int[] {min}, new int[] {max}, new BigInteger[] {e18.shiftLeft(1)});
      final V3SwapEvent ev =
          UniswapContracts.v3SwapEvent(
              chain.send(
                  uni.harness,
                  uni.v3SwapCall(
                      pool,
                      zeroForOne,
                      new BigInteger(row[3]),
                      zeroForOne
                          ? MIN_SQRT_RATIO.add(BigInteger.ONE)
                          : MAX_SQRT_RATIO.subtract(BigInteger.ONE))),
              pool);
      final String what = "§E " + String.join(",", row);
      assertEquals(new BigInteger(row[4]), ev.amount0(), what);
      assertEquals(new BigInteger(row[5]), ev.amount1(), what);
      assertEquals(Integer.parseInt(row[6]), ev.tick(), what);
    }
  }

  // ====================================================================== Uniswap V2

  private record V2Pair(
      String address, String token0, String token1, UniswapV2Pool java, String label) {}

  @Test
  void uniswapV2MatchesThePairAndTheRouter() {
    final long started = System.nanoTime();
    final SplittableRandom rnd = new SplittableRandom(seed);
    final String factory = uni.deployV2Factory();
    final String weth = uni.deployToken("WETH", 18);
    final String router = uni.deployV2Router(factory, weth);

    // {decimals of A, decimals of B, reserve of A, reserve of B}
    final Object[][] configs = {
      {18, 18, "1000000000000000000000", "1000000000000000000000", "balanced 18/18"},
      {18, 6, "500000000000000000000", "1500000000000", "ETH/USDC-like 18/6"},
      {6, 6, "10000", "3000", "tiny 6/6"},
      {18, 18, "1000000000000000000000000000000", "1000000000", "skewed 1e30/1e9"},
      {6, 18, "1000000", "1000000000000000000000000", "skewed 6/18"},
      {
        18,
        18,
        "5000000000000000000000000000000000",
        "4000000000000000000000000000000000",
        "near uint112"
      },
      {18, 6, "123456789012345678901", "987654321", "odd 18/6"},
    };
    final List<V2Pair> pairs = new ArrayList<>();
    for (int i = 0; i < configs.length; i++) {
      final Object[] c = configs[i];
      final String a = uni.deployToken("A" + i, (Integer) c[0]);
      final String b = uni.deployToken("B" + i, (Integer) c[1]);
      final String pair = uni.createPair(factory, a, b);
      final String t0 = uni.token0(pair);
      final boolean aIs0 = t0.equalsIgnoreCase(a);
      final BigInteger ra = new BigInteger((String) c[2]);
      final BigInteger rb = new BigInteger((String) c[3]);
      uni.v2AddLiquidity(pair, aIs0 ? a : b, aIs0 ? b : a, aIs0 ? ra : rb, aIs0 ? rb : ra);
      final BigInteger[] reserves = uni.v2Reserves(pair);
      final UniswapV2Pool java =
          UniswapV2Pool.of(UInt256.of(reserves[0]), UInt256.of(reserves[1]), 3, 1000);
      pairs.add(new V2Pair(pair, aIs0 ? a : b, aIs0 ? b : a, java, (String) c[4]));
    }

    final SwapResult r = new SwapResult();
    int exactIn = 0;
    int exactOut = 0;
    int refusals = 0;
    for (int n = 0; exactIn + exactOut < swapsPerFamily; n++) {
      assertTrue(n < 3 * swapsPerFamily, "too many V2 refusals: " + refusals);
      final V2Pair p = pairs.get(n % pairs.size());
      final int in = rnd.nextInt(2);
      final int out = 1 - in;
      final String tokenIn = in == 0 ? p.token0() : p.token1();
      final BigInteger rIn = (in == 0 ? p.java().reserve0() : p.java().reserve1()).toBigInteger();
      final BigInteger rOut = (in == 0 ? p.java().reserve1() : p.java().reserve0()).toBigInteger();
      final String where =
          "V2 swap #" + n + " on " + p.label() + " " + p.java() + " " + in + "->" + out;
      if (rnd.nextBoolean()) {
        // ---- exact input: up to 3x the input reserve, log-uniform
        final BigInteger amountIn = logUniform(rnd, rIn.multiply(BigInteger.valueOf(3)));
        final boolean ok = p.java().exactIn(in, out, UInt256.of(amountIn), r);
        final Optional<String> routerOut = routerQuote(router, amountIn, rIn, rOut, true);
        if (!ok) {
          refusals++;
          // The pair must refuse the swap Java refused, with the same reason.
          final BigInteger tryOut = routerOut.map(BigInteger::new).orElse(BigInteger.ZERO);
          expectRevert(
              where + " amountIn=" + amountIn,
              p,
              tokenIn,
              amountIn,
              out,
              tryOut,
              reasonOf(r.failure()));
          continue;
        }
        final BigInteger amountOut = r.amountOut.toBigInteger();
        assertEquals(amountIn, r.amountIn.toBigInteger(), where);
        assertEquals(
            Optional.of(amountOut.toString()), routerOut, where + ": Router02.getAmountOut");
        final BigInteger onePlus = amountOut.add(BigInteger.ONE);
        expectRevert(
            where + " amountIn=" + amountIn + " out+1",
            p,
            tokenIn,
            amountIn,
            out,
            onePlus,
            onePlus.compareTo(rOut) >= 0 ? "UniswapV2: INSUFFICIENT_LIQUIDITY" : K);
        executeAndCompare(where, p, tokenIn, amountIn, out, amountOut, in, r);
        exactIn++;
      } else {
        // ---- exact output: up to 1.2x the output reserve, log-uniform
        final BigInteger amountOut =
            logUniform(rnd, rOut.multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5)));
        final boolean ok = p.java().exactOut(in, out, UInt256.of(amountOut), r);
        final Optional<String> routerIn = routerQuote(router, amountOut, rIn, rOut, false);
        if (!ok) {
          refusals++;
          final BigInteger pay = routerIn.map(BigInteger::new).orElse(BigInteger.ONE);
          expectRevert(
              where + " amountOut=" + amountOut,
              p,
              tokenIn,
              pay,
              out,
              amountOut,
              reasonOf(r.failure()));
          continue;
        }
        final BigInteger amountIn = r.amountIn.toBigInteger();
        assertEquals(amountOut, r.amountOut.toBigInteger(), where);
        assertEquals(Optional.of(amountIn.toString()), routerIn, where + ": Router02.getAmountIn");
        final BigInteger oneLess = amountIn.subtract(BigInteger.ONE);
        expectRevert(
            where + " amountOut=" + amountOut + " in-1",
            p,
            tokenIn,
            oneLess,
            out,
            amountOut,
            oneLess.signum() == 0 ? "UniswapV2: INSUFFICIENT_INPUT_AMOUNT" : K);
        executeAndCompare(where, p, tokenIn, amountIn, out, amountOut, in, r);
        exactOut++;
      }
    }
    final double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "[chain] V2: %d exact-in + %d exact-out swaps equal to the wei, %d refusals matched, %d"
            + " pairs, %.1f s%n",
        exactIn, exactOut, refusals, pairs.size(), seconds);
    assertTrue(refusals > 0, "no V2 refusal was exercised");
    assertTrue(
        exactIn >= swapsPerFamily / 4 && exactOut >= swapsPerFamily / 4, "unbalanced V2 mix");
  }

  /** Router02's quote, or empty when the router reverts. */
  private Optional<String> routerQuote(
      final String router,
      final BigInteger amount,
      final BigInteger rIn,
      final BigInteger rOut,
      final boolean out) {
    try {
      return Optional.of(
          (out
                  ? uni.routerGetAmountOut(router, amount, rIn, rOut)
                  : uni.routerGetAmountIn(router, amount, rIn, rOut))
              .toString());
    } catch (final Chain.ChainException e) {
      return Optional.empty();
    }
  }

  private void expectRevert(
      final String where,
      final V2Pair p,
      final String tokenIn,
      final BigInteger amountIn,
      final int out,
      final BigInteger amountOut,
      final String expectedReason) {
    final String data =
        uni.v2SwapCall(
            p.address(),
            tokenIn,
            amountIn,
            out == 0 ? amountOut : BigInteger.ZERO,
            out == 1 ? amountOut : BigInteger.ZERO);
    final Optional<String> reason = chain.revertReason(uni.harness, data);
    if (reason.isEmpty()) {
      fail(where + ": the pair accepted a swap that must revert (" + expectedReason + ")");
    }
    if (!reason.get().contains(expectedReason)) {
      fail(where + ": expected revert '" + expectedReason + "', chain said '" + reason.get() + "'");
    }
  }

  private void executeAndCompare(
      final String where,
      final V2Pair p,
      final String tokenIn,
      final BigInteger amountIn,
      final int out,
      final BigInteger amountOut,
      final int in,
      final SwapResult r) {
    final TransactionReceipt receipt =
        chain.send(
            uni.harness,
            uni.v2SwapCall(
                p.address(),
                tokenIn,
                amountIn,
                out == 0 ? amountOut : BigInteger.ZERO,
                out == 1 ? amountOut : BigInteger.ZERO));
    p.java().apply(in, out, r);
    final BigInteger[] chainReserves = UniswapContracts.syncReserves(receipt, p.address());
    assertEquals(chainReserves[0], p.java().reserve0().toBigInteger(), where + ": reserve0 after");
    assertEquals(chainReserves[1], p.java().reserve1().toBigInteger(), where + ": reserve1 after");
  }

  /** "UniswapV2Library: X" and "UniswapV2: X" are the same refusal; the chain names the pair's. */
  private static String reasonOf(final String failure) {
    final int colon = failure.indexOf(": ");
    return colon < 0 ? failure : failure.substring(colon + 2);
  }

  // ====================================================================== Uniswap V3

  private record V3Config(
      int fee,
      int spacing,
      int decimals0,
      int decimals1,
      int startTick,
      int positions,
      boolean fullRange,
      int spreadWords) {}

  private static final class V3Stats {
    int exactIn;
    int exactOut;
    int limited;
    int partial;
    int toPriceBound;
    int refusals;
    long ticksCrossed;
    long wordsCrossed;
    int maxTicksInOneSwap;
    int maxWordsInOneSwap;
    long snapshotNanos;
    long swapTxNanos;
    long javaNanos;
  }

  @Test
  void uniswapV3MatchesThePoolSwapLoop() {
    final long started = System.nanoTime();
    final SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EED_3333L);
    final String factory = uni.deployV3Factory();
    uni.enableFeeAmount(factory, 100, 1);

    final V3Config[] configs = {
      new V3Config(500, 10, 18, 18, 0, 160, true, 24),
      new V3Config(3000, 60, 6, 18, 276_000, 140, true, 12),
      new V3Config(10000, 200, 18, 18, -250_000, 120, false, 8),
      new V3Config(100, 1, 6, 6, 3, 200, true, 30),
      new V3Config(3000, 60, 18, 6, -200_000, 150, false, 12),
      new V3Config(500, 10, 18, 18, 600_000, 120, false, 20),
    };
    final List<V3Pool> pools = new ArrayList<>();
    for (int i = 0; i < configs.length; i++) {
      pools.add(setUpV3Pool(factory, i, configs[i], rnd));
    }

    final V3Stats stats = new V3Stats();
    final SwapResult r = new SwapResult();
    for (int n = 0; stats.exactIn + stats.exactOut < swapsPerFamily; n++) {
      assertTrue(n < 3 * swapsPerFamily, "too many V3 refusals: " + stats.refusals);
      final V3Pool p = pools.get(n % pools.size());
      swapV3(n, p, rnd, r, stats);
    }
    for (final V3Pool p : pools) {
      checkTicksUnchanged(p);
    }
    final double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "[chain] V3: %d exact-in + %d exact-out swaps equal to the wei (%d with a price limit, %d"
            + " stopped short by it or by the liquidity, %d ran out of liquidity to the price bound), %d"
            + " refusals matched; %d initialised ticks"
            + " and %d bitmap words crossed (max %d ticks / %d words in one swap), %d pools, %.1f s%n",
        stats.exactIn,
        stats.exactOut,
        stats.limited,
        stats.partial,
        stats.toPriceBound,
        stats.refusals,
        stats.ticksCrossed,
        stats.wordsCrossed,
        stats.maxTicksInOneSwap,
        stats.maxWordsInOneSwap,
        pools.size(),
        seconds);
    System.out.printf(
        "[chain] V3 time: snapshots %.1f s, swap transactions %.1f s, Java %.2f s; %d txs, %d calls%n",
        stats.snapshotNanos / 1e9,
        stats.swapTxNanos / 1e9,
        stats.javaNanos / 1e9,
        chain.transactions(),
        chain.calls());
    assertTrue(
        stats.exactIn >= swapsPerFamily / 3 && stats.exactOut >= swapsPerFamily / 3,
        "unbalanced V3 mix");
    assertTrue(
        stats.ticksCrossed >= 10L * swapsPerFamily,
        "V3 swaps crossed too few ticks: " + stats.ticksCrossed);
    assertTrue(
        stats.wordsCrossed >= 2L * swapsPerFamily,
        "V3 swaps crossed too few words: " + stats.wordsCrossed);
    assertTrue(stats.maxTicksInOneSwap >= 100, "no V3 swap crossed 100 ticks");
  }

  /** A pool on chain, its state right after minting, and the Java pool reused for it. */
  private record V3Pool(
      String address,
      V3Config config,
      int startTick,
      UniswapV3Pool java,
      String label,
      V3Snapshot afterMint) {}

  private V3Pool setUpV3Pool(
      final String factory, final int index, final V3Config c, final SplittableRandom rnd) {
    final String a = uni.deployToken("V3A" + index, c.decimals0());
    final String b = uni.deployToken("V3B" + index, c.decimals1());
    final BigInteger sqrtPrice = sqrtPriceNearTick(c.startTick(), rnd);
    final String pool = uni.createV3Pool(factory, a, b, c.fee(), sqrtPrice);
    final int spacing = uni.tickSpacing(pool);
    assertEquals(c.spacing(), spacing, "tick spacing of fee " + c.fee());
    final int minUsable =
        Math.floorDiv(V3Snapshot.MIN_TICK, spacing) * spacing
            + (V3Snapshot.MIN_TICK % spacing == 0 ? 0 : spacing);
    final int maxUsable = Math.floorDiv(V3Snapshot.MAX_TICK, spacing) * spacing;
    final int start = uni.v3Snapshot(pool, spacing).tick();
    final int count = c.positions() + (c.fullRange() ? 1 : 0);
    final int[] lower = new int[count];
    final int[] upper = new int[count];
    final BigInteger[] amount = new BigInteger[count];
    final long spread = (long) c.spreadWords() * 256 * spacing;
    for (int i = 0; i < c.positions(); i++) {
      // Centre within ±spread of the start, width 1 spacing .. ~3 words (log-uniform).
      final long centre = start + (long) ((rnd.nextDouble() * 2 - 1) * spread);
      final long width =
          Math.max(1, (long) Math.pow(10, rnd.nextDouble() * Math.log10(768.0 * 1))) * spacing;
      long lo = Math.floorDiv(centre - width / 2, spacing) * spacing;
      long hi = lo + Math.max(width, spacing);
      lo = Math.max(lo, minUsable);
      hi = Math.min(Math.max(hi, lo + spacing), maxUsable);
      lower[i] = (int) lo;
      upper[i] = (int) hi;
      amount[i] =
          BigInteger.TEN
              .pow(12 + rnd.nextInt(10))
              .multiply(BigInteger.valueOf(1 + rnd.nextInt(999)));
    }
    if (c.fullRange()) {
      lower[count - 1] = minUsable;
      upper[count - 1] = maxUsable;
      amount[count - 1] = BigInteger.TEN.pow(20 + rnd.nextInt(3));
    }
    // Mint in batches of 40 positions per transaction.
    for (int from = 0; from < count; from += 40) {
      final int to = Math.min(count, from + 40);
      uni.v3MintMany(
          pool,
          java.util.Arrays.copyOfRange(lower, from, to),
          java.util.Arrays.copyOfRange(upper, from, to),
          java.util.Arrays.copyOfRange(amount, from, to));
    }
    final V3Snapshot s = uni.v3Snapshot(pool, spacing);
    final String label = "pool#" + index + " fee " + c.fee() + "/" + spacing;
    System.out.printf(
        "[chain] V3 %s: %d initialised ticks in %d bitmap words, tick %d%n",
        label, s.ticks().length, s.words().length, s.tick());
    return new V3Pool(pool, c, s.tick(), new UniswapV3Pool(s.ticks().length + 8), label, s);
  }

  /** The swaps moved the price only: the initialised ticks are those minted. */
  private void checkTicksUnchanged(final V3Pool p) {
    final V3Snapshot now = uni.v3Snapshot(p.address(), p.config().spacing());
    assertTrue(
        java.util.Arrays.equals(p.afterMint().ticks(), now.ticks())
            && java.util.Arrays.equals(p.afterMint().liquidityNet(), now.liquidityNet())
            && java.util.Arrays.equals(p.afterMint().bitmaps(), now.bitmaps()),
        p.label() + ": initialised ticks changed after minting");
  }

  private void swapV3(
      final int n,
      final V3Pool p,
      final SplittableRandom rnd,
      final SwapResult r,
      final V3Stats stats) {
    final int spacing = p.config().spacing();
    long t0 = System.nanoTime();
    final V3Snapshot s = uni.v3Snapshot(p.address(), spacing);
    stats.snapshotNanos += System.nanoTime() - t0;
    t0 = System.nanoTime();
    final UInt256[] nets = new UInt256[s.ticks().length];
    for (int i = 0; i < nets.length; i++) {
      nets[i] = UInt256.of(s.liquidityNet()[i]);
    }
    final UniswapV3Pool java =
        p.java()
            .reset(
                p.config().fee(),
                spacing,
                UInt256.of(s.sqrtPriceX96()),
                UInt256.of(s.liquidity()),
                s.tick(),
                s.ticks(),
                nets,
                nets.length);

    // Direction: back into the positions when the price has left them all (mostly), else drift
    // back towards the start when it has wandered far.
    final long drift = (long) s.tick() - p.startTick();
    final int[] t = s.ticks();
    final double pDown =
        s.tick() < t[0]
            ? 0.05
            : s.tick() >= t[t.length - 1]
                ? 0.95
                : drift > 20L * 256 * spacing ? 0.75 : drift < -20L * 256 * spacing ? 0.25 : 0.5;
    final boolean zeroForOne = rnd.nextDouble() < pDown;
    final boolean exactInput = rnd.nextBoolean();
    final BigInteger amount = v3Amount(rnd, s, zeroForOne, exactInput);
    BigInteger limit = null;
    boolean expectSpl = false;
    final double u = rnd.nextDouble();
    if (u < 0.2) {
      limit = priceLimit(rnd, s.sqrtPriceX96(), zeroForOne);
    } else if (u < 0.215) {
      limit = priceLimit(rnd, s.sqrtPriceX96(), !zeroForOne); // wrong side: 'SPL'
      expectSpl = true;
    }
    final BigInteger chainLimit =
        limit != null
            ? limit
            : zeroForOne
                ? MIN_SQRT_RATIO.add(BigInteger.ONE)
                : MAX_SQRT_RATIO.subtract(BigInteger.ONE);
    final BigInteger amountSpecified = exactInput ? amount : amount.negate();
    final String where =
        String.format(
            "V3 swap #%d on %s (%s): zeroForOne=%s amountSpecified=%s limit=%s",
            n, p.label(), s, zeroForOne, amountSpecified, limit);

    final boolean ok =
        java.swap(
            zeroForOne,
            exactInput,
            UInt256.of(amount),
            limit == null ? null : UInt256.of(limit),
            r);
    stats.javaNanos += System.nanoTime() - t0;
    final String data = uni.v3SwapCall(p.address(), zeroForOne, amountSpecified, chainLimit);
    t0 = System.nanoTime();
    if (!ok || expectSpl) {
      assertTrue(!ok, where + ": Java accepted a wrong-side price limit");
      final Optional<String> reason = chain.revertReason(uni.harness, data);
      assertTrue(
          reason.isPresent(), where + ": Java refused (" + r.failure() + ") but the pool swapped");
      if (r.failure().length() <= 3) {
        assertTrue(
            reason.get().contains(r.failure()),
            where + ": Java '" + r.failure() + "', chain '" + reason.get() + "'");
      }
      stats.refusals++;
      return;
    }
    final TransactionReceipt receipt;
    try {
      receipt = chain.send(uni.harness, data);
    } catch (final Chain.ChainException e) {
      fail(
          where
              + ": Java swapped "
              + r.amountIn
              + " for "
              + r.amountOut
              + " but the pool reverted: "
              + e.reason());
      return;
    }
    stats.swapTxNanos += System.nanoTime() - t0;
    final V3SwapEvent ev = UniswapContracts.v3SwapEvent(receipt, p.address());
    final BigInteger javaIn = r.amountIn.toBigInteger();
    final BigInteger javaOut = r.amountOut.toBigInteger();
    final BigInteger java0 = zeroForOne ? javaIn : javaOut.negate();
    final BigInteger java1 = zeroForOne ? javaOut.negate() : javaIn;
    assertEquals(ev.amount0(), java0, where + ": amount0");
    assertEquals(ev.amount1(), java1, where + ": amount1");
    assertEquals(
        ev.sqrtPriceX96(), r.sqrtPriceAfterX96.toBigInteger(), where + ": sqrtPriceX96 after");
    assertEquals(ev.tick(), r.tickAfter, where + ": tick after");
    assertEquals(ev.liquidity(), r.liquidityAfter.toBigInteger(), where + ": liquidity after");
    final int crossed = s.ticksCrossed(zeroForOne, s.tick(), ev.tick());
    final int words = s.wordsCrossed(s.tick(), ev.tick());
    assertEquals(crossed, r.ticksCrossed, where + ": initialised ticks crossed");

    if (exactInput) {
      stats.exactIn++;
    } else {
      stats.exactOut++;
    }
    if (limit != null) {
      stats.limited++;
    }
    if ((exactInput ? javaIn : javaOut).compareTo(amount) != 0) {
      stats.partial++;
    }
    if (limit == null && ev.sqrtPriceX96().equals(chainLimit)) {
      stats.toPriceBound++;
    }
    stats.ticksCrossed += crossed;
    stats.wordsCrossed += words;
    stats.maxTicksInOneSwap = Math.max(stats.maxTicksInOneSwap, crossed);
    stats.maxWordsInOneSwap = Math.max(stats.maxWordsInOneSwap, words);
  }

  /**
   * A swap size relative to the pool: with the in-range liquidity L (or a median position's when
   * none), {@code L·√P} of token1 or {@code L/√P} of token0 moves the square-root price by about
   * 100%; sizes run log-uniform from 1e-9 to ~20 times that.
   */
  private static BigInteger v3Amount(
      final SplittableRandom rnd,
      final V3Snapshot s,
      final boolean zeroForOne,
      final boolean exactInput) {
    BigInteger l = s.liquidity();
    if (l.signum() == 0) {
      final BigInteger[] gross = s.liquidityGross().clone();
      java.util.Arrays.sort(gross);
      l = gross[gross.length / 2];
    }
    final double sqrtP = s.sqrtPriceX96().doubleValue() / Q96.doubleValue();
    final boolean token0 =
        zeroForOne == exactInput; // exact in 0->1 sells token0; exact out 1->0 buys it
    final double scale = token0 ? l.doubleValue() / sqrtP : l.doubleValue() * sqrtP;
    final double amount = scale * Math.pow(10, -9 + rnd.nextDouble() * 10.3);
    if (!(amount >= 1)) {
      return BigInteger.ONE.add(BigInteger.valueOf(rnd.nextInt(1000)));
    }
    final BigInteger a = new java.math.BigDecimal(amount).toBigInteger();
    final BigInteger cap = BigInteger.ONE.shiftLeft(200);
    return a.min(cap).max(BigInteger.ONE);
  }

  /** A price limit a random fraction away from the price, on the side the swap moves to. */
  private static BigInteger priceLimit(
      final SplittableRandom rnd, final BigInteger sqrtPrice, final boolean down) {
    final double frac = Math.pow(10, -7 + rnd.nextDouble() * 7);
    final BigInteger ppb = BigInteger.valueOf((long) (frac * 1e15) + 1);
    final BigInteger e15 = BigInteger.TEN.pow(15);
    if (down) {
      final BigInteger f = e15.subtract(ppb.min(e15.subtract(BigInteger.ONE)));
      return sqrtPrice.multiply(f).divide(e15).max(MIN_SQRT_RATIO.add(BigInteger.ONE));
    }
    return sqrtPrice
        .multiply(e15.add(ppb.multiply(BigInteger.TEN)))
        .divide(e15)
        .min(MAX_SQRT_RATIO.subtract(BigInteger.ONE));
  }

  /** √(1.0001^tick)·2^96 perturbed a little, so prices are not on tick boundaries. */
  private static BigInteger sqrtPriceNearTick(final int tick, final SplittableRandom rnd) {
    final double log2 = (tick + rnd.nextDouble()) * Math.log(1.0001) / 2 / Math.log(2);
    final int whole = (int) Math.floor(log2);
    final double frac = Math.pow(2, log2 - whole);
    final BigInteger mantissa = BigInteger.valueOf((long) (frac * (1L << 52)));
    final int shift = 96 + whole - 52;
    return shift >= 0 ? mantissa.shiftLeft(shift) : mantissa.shiftRight(-shift);
  }

  // ====================================================================== helpers

  /** Uniform in log scale over [1, max]. */
  private static BigInteger logUniform(final SplittableRandom rnd, final BigInteger max) {
    final int bits = Math.max(1, max.bitLength());
    final int b = 1 + rnd.nextInt(bits);
    BigInteger v = new BigInteger(b, new java.util.Random(rnd.nextLong())).setBit(b - 1);
    if (v.compareTo(max) > 0) {
      v = max;
    }
    return v.max(BigInteger.ONE);
  }
}
