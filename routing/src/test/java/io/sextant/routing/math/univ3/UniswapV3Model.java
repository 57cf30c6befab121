package io.sextant.routing.math.univ3;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The independent oracle: a literal BigInteger port of v3-core's TickMath, SqrtPriceMath, SwapMath,
 * LiquidityMath, TickBitmap (a real word bitmap) and the swap loop, with Solidity 0.7 semantics
 * (wrapping where the contract does not check, a {@link Revert} where it does). Shares no code with
 * the main implementation.
 */
final class UniswapV3Model {
  static final BigInteger TWO256 = BigInteger.ONE.shiftLeft(256);
  static final BigInteger MAX256 = TWO256.subtract(BigInteger.ONE);
  static final BigInteger MAX160 = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
  static final BigInteger MAX128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  static final BigInteger INT256_MAX = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
  static final BigInteger INT256_MIN = BigInteger.ONE.shiftLeft(255).negate();
  static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);
  static final int MIN_TICK = -887272;
  static final int MAX_TICK = 887272;
  static final BigInteger MIN_SQRT_RATIO = new BigInteger("4295128739");
  static final BigInteger MAX_SQRT_RATIO =
      new BigInteger("1461446703485210103287273052203988822378723970342");

  private static final String[] FACTORS = {
    "fff97272373d413259a46990580e213a",
    "fff2e50f5f656932ef12357cf3c7fdcc",
    "ffe5caca7e10e4e61c3624eaa0941cd0",
    "ffcb9843d60f6159c9db58835c926644",
    "ff973b41fa98c081472e6896dfb254c0",
    "ff2ea16466c96a3843ec78b326b52861",
    "fe5dee046a99a2a811c461f1969c3053",
    "fcbe86c7900a88aedcffc83b479aa3a4",
    "f987a7253ac413176f2b074cf7815e54",
    "f3392b0822b70005940c7a398e4b70f3",
    "e7159475a2c29b7443b29c7fa6e889d9",
    "d097f3bdfd2022b8845ad8f792aa5825",
    "a9f746462d870fdf8a65dc1f90e061e5",
    "70d869a156d2a1b890bb3df62baf32f7",
    "31be135f97d08fd981231505542fcfa6",
    "9aa508b5b7a84e1c677de54f3e99bc9",
    "5d6af8dedb81196699c329225ee604",
    "2216e584f5fa1ea926041bedfe98",
    "48a170391f7dc42444e8fa2"
  };

  /** A Solidity revert. */
  static final class Revert extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Revert(final String reason) {
      super(reason, null, false, false);
    }
  }

  private UniswapV3Model() {}

  static BigInteger wrap(final BigInteger x) {
    return x.mod(TWO256);
  }

  static BigInteger mulDiv(final BigInteger a, final BigInteger b, final BigInteger d) {
    if (d.signum() == 0) {
      throw new Revert("mulDiv/0");
    }
    final BigInteger q = a.multiply(b).divide(d);
    if (q.compareTo(MAX256) > 0) {
      throw new Revert("mulDiv overflow");
    }
    return q;
  }

  static BigInteger mulDivRoundingUp(final BigInteger a, final BigInteger b, final BigInteger d) {
    BigInteger q = mulDiv(a, b, d);
    if (a.multiply(b).mod(d).signum() > 0) {
      if (q.compareTo(MAX256) >= 0) {
        throw new Revert("mulDivRoundingUp overflow");
      }
      q = q.add(BigInteger.ONE);
    }
    return q;
  }

  /** UnsafeMath.divRoundingUp: EVM div/mod by zero give zero. */
  static BigInteger divRoundingUp(final BigInteger x, final BigInteger y) {
    if (y.signum() == 0) {
      return BigInteger.ZERO;
    }
    final BigInteger[] qr = x.divideAndRemainder(y);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  static BigInteger addChecked(final BigInteger a, final BigInteger b) {
    final BigInteger s = a.add(b);
    if (s.compareTo(MAX256) > 0) {
      throw new Revert("add overflow");
    }
    return s;
  }

  static BigInteger toUint160(final BigInteger x) {
    if (x.compareTo(MAX160) > 0) {
      throw new Revert("toUint160");
    }
    return x;
  }

  static BigInteger toInt256(final BigInteger x) {
    if (x.compareTo(INT256_MAX) > 0) {
      throw new Revert("toInt256");
    }
    return x;
  }

  static BigInteger int256Checked(final BigInteger x) {
    if (x.compareTo(INT256_MAX) > 0 || x.compareTo(INT256_MIN) < 0) {
      throw new Revert("int256 overflow");
    }
    return x;
  }

  /** Unchecked int256 arithmetic wraps. */
  static BigInteger int256Wrap(final BigInteger x) {
    final BigInteger w = x.mod(TWO256);
    return w.compareTo(INT256_MAX) > 0 ? w.subtract(TWO256) : w;
  }

  // ---------------------------------------------------------------- TickMath

  static BigInteger getSqrtRatioAtTick(final int tick) {
    final int absTick = Math.abs(tick);
    if (absTick > MAX_TICK) {
      throw new Revert("T");
    }
    BigInteger ratio =
        (absTick & 1) != 0
            ? new BigInteger("fffcb933bd6fad37aa2d162d1a594001", 16)
            : BigInteger.ONE.shiftLeft(128);
    for (int k = 1; k < 20; k++) {
      if ((absTick & (1 << k)) != 0) {
        ratio = ratio.multiply(new BigInteger(FACTORS[k - 1], 16)).shiftRight(128);
      }
    }
    if (tick > 0) {
      ratio = MAX256.divide(ratio);
    }
    final BigInteger shifted = ratio.shiftRight(32);
    final boolean inexact = ratio.mod(BigInteger.ONE.shiftLeft(32)).signum() != 0;
    return inexact ? shifted.add(BigInteger.ONE) : shifted;
  }

  static int getTickAtSqrtRatio(final BigInteger sqrtPriceX96) {
    if (sqrtPriceX96.compareTo(MIN_SQRT_RATIO) < 0 || sqrtPriceX96.compareTo(MAX_SQRT_RATIO) >= 0) {
      throw new Revert("R");
    }
    final BigInteger ratio = sqrtPriceX96.shiftLeft(32);
    BigInteger r = ratio;
    int msb = 0;
    final String[] thresholds = {
      "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF", "FFFFFFFF", "FFFF", "FF", "F", "3"
    };
    final int[] shifts = {7, 6, 5, 4, 3, 2, 1};
    for (int i = 0; i < thresholds.length; i++) {
      final int f = r.compareTo(new BigInteger(thresholds[i], 16)) > 0 ? 1 << shifts[i] : 0;
      msb |= f;
      r = r.shiftRight(f);
    }
    msb |= r.compareTo(BigInteger.ONE) > 0 ? 1 : 0;
    r = msb >= 128 ? ratio.shiftRight(msb - 127) : ratio.shiftLeft(127 - msb);
    BigInteger log2 = BigInteger.valueOf(msb - 128).shiftLeft(64);
    for (int bit = 63; bit >= 50; bit--) {
      r = r.multiply(r).mod(TWO256).shiftRight(127);
      final int f = r.shiftRight(128).intValueExact();
      log2 = log2.or(BigInteger.valueOf(f).shiftLeft(bit));
      r = r.shiftRight(f);
    }
    final BigInteger logSqrt10001 = log2.multiply(new BigInteger("255738958999603826347141"));
    final int tickLow =
        logSqrt10001
            .subtract(new BigInteger("3402992956809132418596140100660247210"))
            .shiftRight(128)
            .intValueExact();
    final int tickHi =
        logSqrt10001
            .add(new BigInteger("291339464771989622907027621153398088495"))
            .shiftRight(128)
            .intValueExact();
    if (tickLow == tickHi) {
      return tickLow;
    }
    return getSqrtRatioAtTick(tickHi).compareTo(sqrtPriceX96) <= 0 ? tickHi : tickLow;
  }

  // ---------------------------------------------------------------- SqrtPriceMath

  static BigInteger nextFromAmount0RoundingUp(
      final BigInteger p, final BigInteger l, final BigInteger amount, final boolean add) {
    if (amount.signum() == 0) {
      return p;
    }
    final BigInteger numerator1 = l.shiftLeft(96);
    final BigInteger product = wrap(amount.multiply(p));
    final boolean noOverflow = product.divide(amount).equals(p);
    if (add) {
      if (noOverflow) {
        final BigInteger denominator = wrap(numerator1.add(product));
        if (denominator.compareTo(numerator1) >= 0) {
          return mulDivRoundingUp(numerator1, p, denominator).mod(MAX160.add(BigInteger.ONE));
        }
      }
      return divRoundingUp(numerator1, addChecked(numerator1.divide(p), amount))
          .mod(MAX160.add(BigInteger.ONE));
    }
    if (!(noOverflow && numerator1.compareTo(product) > 0)) {
      throw new Revert("amount0 remove");
    }
    return toUint160(mulDivRoundingUp(numerator1, p, numerator1.subtract(product)));
  }

  static BigInteger nextFromAmount1RoundingDown(
      final BigInteger p, final BigInteger l, final BigInteger amount, final boolean add) {
    if (add) {
      final BigInteger q;
      if (amount.compareTo(MAX160) <= 0) {
        if (l.signum() == 0) {
          throw new Revert("div/0");
        }
        q = amount.shiftLeft(96).divide(l);
      } else {
        q = mulDiv(amount, Q96, l);
      }
      return toUint160(addChecked(p, q));
    }
    final BigInteger q =
        amount.compareTo(MAX160) <= 0
            ? divRoundingUp(amount.shiftLeft(96), l)
            : mulDivRoundingUp(amount, Q96, l);
    if (p.compareTo(q) <= 0) {
      throw new Revert("amount1 remove");
    }
    return p.subtract(q);
  }

  static BigInteger nextFromInput(
      final BigInteger p, final BigInteger l, final BigInteger amountIn, final boolean zeroForOne) {
    if (p.signum() <= 0 || l.signum() <= 0) {
      throw new Revert("input p/L");
    }
    return zeroForOne
        ? nextFromAmount0RoundingUp(p, l, amountIn, true)
        : nextFromAmount1RoundingDown(p, l, amountIn, true);
  }

  static BigInteger nextFromOutput(
      final BigInteger p,
      final BigInteger l,
      final BigInteger amountOut,
      final boolean zeroForOne) {
    if (p.signum() <= 0 || l.signum() <= 0) {
      throw new Revert("output p/L");
    }
    return zeroForOne
        ? nextFromAmount1RoundingDown(p, l, amountOut, false)
        : nextFromAmount0RoundingUp(p, l, amountOut, false);
  }

  static BigInteger amount0Delta(
      final BigInteger a0, final BigInteger b0, final BigInteger l, final boolean roundUp) {
    final BigInteger a = a0.min(b0);
    final BigInteger b = a0.max(b0);
    final BigInteger numerator1 = l.shiftLeft(96);
    final BigInteger numerator2 = b.subtract(a);
    if (a.signum() <= 0) {
      throw new Revert("amount0Delta a=0");
    }
    return roundUp
        ? divRoundingUp(mulDivRoundingUp(numerator1, numerator2, b), a)
        : mulDiv(numerator1, numerator2, b).divide(a);
  }

  static BigInteger amount1Delta(
      final BigInteger a0, final BigInteger b0, final BigInteger l, final boolean roundUp) {
    final BigInteger a = a0.min(b0);
    final BigInteger b = a0.max(b0);
    return roundUp ? mulDivRoundingUp(l, b.subtract(a), Q96) : mulDiv(l, b.subtract(a), Q96);
  }

  // ---------------------------------------------------------------- SwapMath

  /** Returns {sqrtRatioNext, amountIn, amountOut, feeAmount}. */
  static BigInteger[] computeSwapStep(
      final BigInteger current,
      final BigInteger target,
      final BigInteger l,
      final BigInteger amountRemaining,
      final int feePips) {
    final boolean zeroForOne = current.compareTo(target) >= 0;
    final boolean exactIn = amountRemaining.signum() >= 0;
    final BigInteger complement = BigInteger.valueOf(1_000_000 - feePips);
    final BigInteger million = BigInteger.valueOf(1_000_000);
    BigInteger next;
    BigInteger amountIn = BigInteger.ZERO;
    BigInteger amountOut = BigInteger.ZERO;
    if (exactIn) {
      final BigInteger lessFee = mulDiv(amountRemaining, complement, million);
      amountIn =
          zeroForOne
              ? amount0Delta(target, current, l, true)
              : amount1Delta(current, target, l, true);
      next =
          lessFee.compareTo(amountIn) >= 0
              ? target
              : nextFromInput(current, l, lessFee, zeroForOne);
    } else {
      amountOut =
          zeroForOne
              ? amount1Delta(target, current, l, false)
              : amount0Delta(current, target, l, false);
      final BigInteger want = amountRemaining.negate();
      next = want.compareTo(amountOut) >= 0 ? target : nextFromOutput(current, l, want, zeroForOne);
    }
    final boolean max = target.equals(next);
    if (zeroForOne) {
      amountIn = max && exactIn ? amountIn : amount0Delta(next, current, l, true);
      amountOut = max && !exactIn ? amountOut : amount1Delta(next, current, l, false);
    } else {
      amountIn = max && exactIn ? amountIn : amount1Delta(current, next, l, true);
      amountOut = max && !exactIn ? amountOut : amount0Delta(current, next, l, false);
    }
    if (!exactIn && amountOut.compareTo(amountRemaining.negate()) > 0) {
      amountOut = amountRemaining.negate();
    }
    final BigInteger fee;
    if (exactIn && !next.equals(target)) {
      fee = wrap(amountRemaining.subtract(amountIn));
    } else {
      fee = mulDivRoundingUp(amountIn, BigInteger.valueOf(feePips), complement);
    }
    return new BigInteger[] {next, amountIn, amountOut, fee};
  }

  // ---------------------------------------------------------------- LiquidityMath

  static BigInteger addDelta(final BigInteger x, final BigInteger y) {
    final BigInteger z = x.add(y);
    if (y.signum() < 0 && z.signum() < 0) {
      throw new Revert("LS");
    }
    if (y.signum() >= 0 && z.compareTo(MAX128) > 0) {
      throw new Revert("LA");
    }
    return z;
  }

  // ---------------------------------------------------------------- TickBitmap and the pool

  /** A pool: state plus a real tick bitmap. */
  static final class Pool {
    final int fee;
    final int spacing;
    BigInteger sqrtPrice;
    BigInteger liquidity;
    int tick;
    final TreeMap<Integer, BigInteger> liquidityNet;
    final Map<Integer, BigInteger> bitmap = new HashMap<>();

    Pool(
        final int fee,
        final int spacing,
        final BigInteger sqrtPrice,
        final BigInteger liquidity,
        final int tick,
        final Map<Integer, BigInteger> liquidityNet) {
      this.fee = fee;
      this.spacing = spacing;
      this.sqrtPrice = sqrtPrice;
      this.liquidity = liquidity;
      this.tick = tick;
      this.liquidityNet = new TreeMap<>(liquidityNet);
      for (final int t : liquidityNet.keySet()) {
        flipTick(t);
      }
    }

    private void flipTick(final int t) {
      if (t % spacing != 0) {
        throw new Revert("spacing");
      }
      final int compressed = t / spacing;
      final int word = compressed >> 8;
      final int bit = (compressed % 256) & 0xFF;
      bitmap.merge(word, BigInteger.ONE.shiftLeft(bit), BigInteger::xor);
    }

    /** {next tick, initialised ? 1 : 0}. */
    int[] nextInitializedTickWithinOneWord(final int t, final boolean lte) {
      int compressed = t / spacing;
      if (t < 0 && t % spacing != 0) {
        compressed--;
      }
      if (lte) {
        final int word = compressed >> 8;
        final int bit = (compressed % 256) & 0xFF;
        final BigInteger mask =
            BigInteger.ONE
                .shiftLeft(bit)
                .subtract(BigInteger.ONE)
                .add(BigInteger.ONE.shiftLeft(bit));
        final BigInteger masked = bitmap.getOrDefault(word, BigInteger.ZERO).and(mask);
        final boolean initialized = masked.signum() != 0;
        final int next =
            initialized
                ? (compressed - (bit - (masked.bitLength() - 1))) * spacing
                : (compressed - bit) * spacing;
        return new int[] {next, initialized ? 1 : 0};
      }
      final int c1 = compressed + 1;
      final int word = c1 >> 8;
      final int bit = (c1 % 256) & 0xFF;
      final BigInteger mask = wrap(BigInteger.ONE.shiftLeft(bit).subtract(BigInteger.ONE).not());
      final BigInteger masked = bitmap.getOrDefault(word, BigInteger.ZERO).and(mask);
      final boolean initialized = masked.signum() != 0;
      final int next =
          initialized
              ? (c1 + (masked.getLowestSetBit() - bit)) * spacing
              : (c1 + (255 - bit)) * spacing;
      return new int[] {next, initialized ? 1 : 0};
    }

    /**
     * The contract's swap; returns {amount0, amount1, sqrtPriceAfter, liquidityAfter, tickAfter,
     * ticksCrossed} without changing the pool, or throws {@link Revert}.
     */
    BigInteger[] swap(
        final boolean zeroForOne, final BigInteger amountSpecified, final BigInteger limit) {
      if (amountSpecified.signum() == 0) {
        throw new Revert("AS");
      }
      final boolean splOk =
          zeroForOne
              ? limit.compareTo(sqrtPrice) < 0 && limit.compareTo(MIN_SQRT_RATIO) > 0
              : limit.compareTo(sqrtPrice) > 0 && limit.compareTo(MAX_SQRT_RATIO) < 0;
      if (!splOk) {
        throw new Revert("SPL");
      }
      final boolean exactInput = amountSpecified.signum() > 0;
      BigInteger remaining = amountSpecified;
      BigInteger calculated = BigInteger.ZERO;
      BigInteger price = sqrtPrice;
      int stateTick = tick;
      BigInteger l = liquidity;
      int crossed = 0;
      while (remaining.signum() != 0 && !price.equals(limit)) {
        final BigInteger start = price;
        final int[] next = nextInitializedTickWithinOneWord(stateTick, zeroForOne);
        int tickNext = Math.max(MIN_TICK, Math.min(MAX_TICK, next[0]));
        final BigInteger priceNext = getSqrtRatioAtTick(tickNext);
        final boolean limitFirst =
            zeroForOne ? priceNext.compareTo(limit) < 0 : priceNext.compareTo(limit) > 0;
        final BigInteger[] step =
            computeSwapStep(price, limitFirst ? limit : priceNext, l, remaining, fee);
        price = step[0];
        if (exactInput) {
          remaining = int256Wrap(remaining.subtract(toInt256(wrap(step[1].add(step[3])))));
          calculated = int256Checked(calculated.subtract(toInt256(step[2])));
        } else {
          remaining = int256Wrap(remaining.add(toInt256(step[2])));
          calculated = int256Checked(calculated.add(toInt256(wrap(step[1].add(step[3])))));
        }
        if (price.equals(priceNext)) {
          if (next[1] == 1) {
            BigInteger net = liquidityNet.get(tickNext);
            if (zeroForOne) {
              net = net.negate();
            }
            l = addDelta(l, net);
            crossed++;
          }
          stateTick = zeroForOne ? tickNext - 1 : tickNext;
        } else if (!price.equals(start)) {
          stateTick = getTickAtSqrtRatio(price);
        }
      }
      final BigInteger specifiedUsed = amountSpecified.subtract(remaining);
      final BigInteger amount0 = zeroForOne == exactInput ? specifiedUsed : calculated;
      final BigInteger amount1 = zeroForOne == exactInput ? calculated : specifiedUsed;
      return new BigInteger[] {
        amount0, amount1, price, l, BigInteger.valueOf(stateTick), BigInteger.valueOf(crossed)
      };
    }
  }
}
