package io.sextant.solver.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowFormatException;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.feeds.cow.LiquidityCatalog;
import io.sextant.feeds.cow.LoadedPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in engine for journal tests (the real one is {@code CowSolver}): each sell
 * order whose tokens share at least one pool is filled alone through the best one or, when {@code
 * maxHops > 1}, split in half across the best two; the solution is kept when it meets the limit.
 * Exact integer amounts from the pools' own math; output in the CoW solver-engine format.
 */
final class DirectPoolSolver implements AuctionSolver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final EngineConfig config;

  DirectPoolSolver(final EngineConfig config) {
    this.config = config;
  }

  @Override
  public byte[] solve(final byte[] request, final SolveTrace trace) throws BadRequestException {
    long t = System.nanoTime();
    final CowAuction auction;
    try {
      auction = new CowAuctionParser().parse(new String(request, StandardCharsets.UTF_8));
    } catch (CowFormatException e) {
      throw new BadRequestException("", e.getMessage());
    }
    final LiquidityCatalog catalog = LiquidityCatalog.of(auction);
    trace.stage("parse", System.nanoTime() - t);
    t = System.nanoTime();
    final ObjectNode root = JSON.createObjectNode();
    final ArrayNode solutions = root.putArray("solutions");
    final SwapResult r = new SwapResult();
    for (final CowOrder o : auction.orders()) {
      if (o.kind() != CowOrder.Kind.SELL || o.sellAmount().signum() == 0) {
        continue;
      }
      final List<LoadedPool> pools = new ArrayList<>();
      final List<BigInteger> outs = new ArrayList<>();
      for (final LoadedPool p : catalog.pools()) {
        final int in = p.tokenIndex(o.sellToken());
        final int out = p.tokenIndex(o.buyToken());
        if (!p.usable() || in < 0 || out < 0) {
          continue;
        }
        if (p.pool().exactIn(in, out, UInt256.of(o.sellAmount()), r.reset())) {
          pools.add(p);
          outs.add(r.amountOut.toBigInteger());
        }
      }
      if (pools.isEmpty()) {
        continue;
      }
      final List<Integer> order = new ArrayList<>();
      for (int i = 0; i < pools.size(); i++) {
        order.add(i);
      }
      // Best output first, ties by the pool's position in the auction: deterministic.
      order.sort((a, b) -> outs.get(b).compareTo(outs.get(a)));
      final int legs = config.maxHops() > 1 && pools.size() > 1 ? 2 : 1;
      final BigInteger[] ins = new BigInteger[legs];
      ins[0] = legs == 1 ? o.sellAmount() : o.sellAmount().shiftRight(1);
      if (legs == 2) {
        ins[1] = o.sellAmount().subtract(ins[0]);
      }
      BigInteger total = BigInteger.ZERO;
      final ArrayNode interactions = JSON.createArrayNode();
      boolean ok = true;
      for (int l = 0; l < legs; l++) {
        final LoadedPool p = pools.get(order.get(l));
        if (!p.pool()
            .exactIn(
                p.tokenIndex(o.sellToken()),
                p.tokenIndex(o.buyToken()),
                UInt256.of(ins[l]),
                r.reset())) {
          ok = false;
          break;
        }
        final BigInteger got = r.amountOut.toBigInteger();
        total = total.add(got);
        final ObjectNode i = interactions.addObject();
        i.put("kind", "liquidity");
        i.put("internalize", false);
        i.put("id", p.id());
        i.put("inputToken", o.sellToken());
        i.put("outputToken", o.buyToken());
        i.put("inputAmount", ins[l].toString());
        i.put("outputAmount", got.toString());
      }
      if (!ok || total.signum() == 0 || total.compareTo(o.buyAmount()) < 0) {
        continue;
      }
      final ObjectNode s = solutions.addObject();
      s.put("id", solutions.size() - 1);
      final ObjectNode prices = s.putObject("prices");
      prices.put(o.sellToken(), total.toString());
      prices.put(o.buyToken(), o.sellAmount().toString());
      final ObjectNode trade = s.putArray("trades").addObject();
      trade.put("kind", "fulfillment");
      trade.put("order", o.uid());
      trade.put("executedAmount", o.sellAmount().toString());
      s.set("interactions", interactions);
    }
    trace.stage("route", System.nanoTime() - t);
    trace.finished(solutions.size(), false);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
