package io.sextant.feeds.cow;

import static io.sextant.feeds.cow.CowJson.address;
import static io.sextant.feeds.cow.CowJson.array;
import static io.sextant.feeds.cow.CowJson.bool;
import static io.sextant.feeds.cow.CowJson.decimal;
import static io.sextant.feeds.cow.CowJson.field;
import static io.sextant.feeds.cow.CowJson.hexBytes;
import static io.sextant.feeds.cow.CowJson.int32;
import static io.sextant.feeds.cow.CowJson.join;
import static io.sextant.feeds.cow.CowJson.object;
import static io.sextant.feeds.cow.CowJson.optionalField;
import static io.sextant.feeds.cow.CowJson.signed;
import static io.sextant.feeds.cow.CowJson.text;
import static io.sextant.feeds.cow.CowJson.u256;
import static io.sextant.feeds.cow.CowJson.uint32;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parses CoW Protocol solver-engine auctions (the {@code POST /solve} body) into a {@link
 * CowAuction}. Structural and type errors throw {@link CowFormatException} naming the JSON path;
 * the pool-level invariants (a tick off its spacing, weights that do not sum to one) are checked
 * when pools are built, so one bad pool does not hide the others. Liquidity ids are opaque and, as
 * in the reference solver's own test cases, not always unique: lookups pair an id with its tokens.
 * Cold path; thread-safe.
 */
public final class CowAuctionParser {
  /** Parses an auction from a stream (not closed). */
  public CowAuction parse(final InputStream in) throws IOException {
    return parse(CowJson.readTree(in));
  }

  /** Parses an auction from text. */
  public CowAuction parse(final String json) {
    return parse(CowJson.readTree(json));
  }

  /** Parses an already-read JSON tree. */
  public CowAuction parse(final JsonNode root) {
    if (root == null || root.isMissingNode()) {
      throw new CowFormatException("$", "empty document");
    }
    object(root, "$");
    final JsonNode idNode = optionalField(root, "id");
    final String id = idNode == null ? null : auctionId(idNode);
    final Map<String, CowToken> tokens = tokens(field(root, "tokens", ""));
    final List<CowOrder> orders = orders(field(root, "orders", ""));
    final List<CowLiquidity> liquidity = liquidity(field(root, "liquidity", ""));
    final BigInteger gasPrice = u256(field(root, "effectiveGasPrice", ""), "effectiveGasPrice");
    final Instant deadline = deadline(field(root, "deadline", ""));
    final List<String> jitOwners = new ArrayList<>();
    final JsonNode jit = optionalField(root, "surplusCapturingJitOrderOwners");
    if (jit != null) {
      array(jit, "surplusCapturingJitOrderOwners");
      for (int i = 0; i < jit.size(); i++) {
        jitOwners.add(address(jit.get(i), "surplusCapturingJitOrderOwners[" + i + "]"));
      }
    }
    return new CowAuction(
        id,
        Collections.unmodifiableMap(tokens),
        List.copyOf(orders),
        List.copyOf(liquidity),
        gasPrice,
        deadline,
        List.copyOf(jitOwners));
  }

  private static String auctionId(final JsonNode n) {
    final String s = n.isIntegralNumber() ? n.asText() : text(n, "id");
    try {
      Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new CowFormatException("id", "not an i64: \"" + s + "\"");
    }
    return s;
  }

  private static Instant deadline(final JsonNode n) {
    final String s = text(n, "deadline");
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new CowFormatException("deadline", "not an ISO-8601 UTC timestamp: \"" + s + "\"");
    }
  }

  private static Map<String, CowToken> tokens(final JsonNode n) {
    object(n, "tokens");
    final Map<String, CowToken> tokens = new LinkedHashMap<>();
    final Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      final Map.Entry<String, JsonNode> e = it.next();
      final String path = "tokens." + e.getKey();
      final String addr = address(e.getKey(), path);
      final JsonNode t = object(e.getValue(), path);
      final JsonNode dec = optionalField(t, "decimals");
      Integer decimals = null;
      if (dec != null) {
        final int d = int32(dec, join(path, "decimals"));
        if (d < 0 || d > 255) {
          throw new CowFormatException(join(path, "decimals"), "outside u8: " + d);
        }
        decimals = d;
      }
      final JsonNode sym = optionalField(t, "symbol");
      final JsonNode ref = optionalField(t, "referencePrice");
      final JsonNode bal = optionalField(t, "availableBalance");
      final JsonNode trusted = optionalField(t, "trusted");
      final CowToken token =
          new CowToken(
              addr,
              decimals,
              sym == null ? null : text(sym, join(path, "symbol")),
              ref == null ? null : u256(ref, join(path, "referencePrice")),
              bal == null ? BigInteger.ZERO : u256(bal, join(path, "availableBalance")),
              trusted != null && bool(trusted, join(path, "trusted")));
      if (tokens.put(addr, token) != null) {
        throw new CowFormatException(path, "duplicate token (addresses are case-insensitive)");
      }
    }
    return tokens;
  }

  private static List<CowOrder> orders(final JsonNode n) {
    array(n, "orders");
    final List<CowOrder> orders = new ArrayList<>(n.size());
    final Set<String> uids = new HashSet<>();
    for (int i = 0; i < n.size(); i++) {
      final String path = "orders[" + i + "]";
      final JsonNode o = object(n.get(i), path);
      final String uid = hexBytes(field(o, "uid", path), join(path, "uid"), 56);
      if (!uids.add(uid)) {
        throw new CowFormatException(join(path, "uid"), "duplicate order uid " + uid);
      }
      final String kind = text(field(o, "kind", path), join(path, "kind"));
      final CowOrder.Kind k =
          switch (kind) {
            case "sell" -> CowOrder.Kind.SELL;
            case "buy" -> CowOrder.Kind.BUY;
            default ->
                throw new CowFormatException(
                    join(path, "kind"), "expected \"sell\" or \"buy\", got \"" + kind + "\"");
          };
      final JsonNode classNode = optionalField(o, "class");
      final String cls = classNode == null ? "market" : text(classNode, join(path, "class"));
      final CowOrder.OrderClass c =
          switch (cls) {
            case "market" -> CowOrder.OrderClass.MARKET;
            case "limit" -> CowOrder.OrderClass.LIMIT;
            default ->
                throw new CowFormatException(
                    join(path, "class"), "expected \"market\" or \"limit\", got \"" + cls + "\"");
          };
      final BigInteger sellAmount = u256(field(o, "sellAmount", path), join(path, "sellAmount"));
      final BigInteger buyAmount = u256(field(o, "buyAmount", path), join(path, "buyAmount"));
      final JsonNode fullSell = optionalField(o, "fullSellAmount");
      final JsonNode fullBuy = optionalField(o, "fullBuyAmount");
      final JsonNode receiver = optionalField(o, "receiver");
      final String sellToken = address(field(o, "sellToken", path), join(path, "sellToken"));
      final String buyToken = address(field(o, "buyToken", path), join(path, "buyToken"));
      orders.add(
          new CowOrder(
              uid,
              sellToken,
              buyToken,
              sellAmount,
              buyAmount,
              fullSell == null ? sellAmount : u256(fullSell, join(path, "fullSellAmount")),
              fullBuy == null ? buyAmount : u256(fullBuy, join(path, "fullBuyAmount")),
              k,
              bool(field(o, "partiallyFillable", path), join(path, "partiallyFillable")),
              c,
              address(field(o, "owner", path), join(path, "owner")),
              receiver == null ? null : address(receiver, join(path, "receiver")),
              uint32(field(o, "validTo", path), join(path, "validTo")),
              feePolicies(optionalField(o, "feePolicies"), join(path, "feePolicies"))));
    }
    return orders;
  }

  private static List<CowOrder.FeePolicy> feePolicies(final JsonNode n, final String path) {
    if (n == null) {
      return List.of();
    }
    array(n, path);
    final List<CowOrder.FeePolicy> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      final String p = path + "[" + i + "]";
      final JsonNode f = object(n.get(i), p);
      final String kind = text(field(f, "kind", p), join(p, "kind"));
      final double factor = decimal(field(f, "factor", p), join(p, "factor")).doubleValue();
      switch (kind) {
        case "volume" -> out.add(new CowOrder.FeePolicy(kind, factor, Double.NaN, null));
        case "surplus", "priceImprovement" -> {
          final double maxVolume =
              decimal(field(f, "maxVolumeFactor", p), join(p, "maxVolumeFactor")).doubleValue();
          CowOrder.Quote quote = null;
          if (kind.equals("priceImprovement")) {
            final String qp = join(p, "quote");
            final JsonNode q = object(field(f, "quote", p), qp);
            quote =
                new CowOrder.Quote(
                    u256(field(q, "sellAmount", qp), join(qp, "sellAmount")),
                    u256(field(q, "buyAmount", qp), join(qp, "buyAmount")),
                    u256(field(q, "fee", qp), join(qp, "fee")));
          }
          out.add(new CowOrder.FeePolicy(kind, factor, maxVolume, quote));
        }
        default ->
            throw new CowFormatException(join(p, "kind"), "unknown fee policy \"" + kind + "\"");
      }
    }
    return List.copyOf(out);
  }

  private static List<CowLiquidity> liquidity(final JsonNode n) {
    array(n, "liquidity");
    final List<CowLiquidity> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      final String path = "liquidity[" + i + "]";
      final JsonNode l = object(n.get(i), path);
      final String kind = text(field(l, "kind", path), join(path, "kind"));
      final JsonNode idNode = field(l, "id", path);
      final String id =
          idNode.isIntegralNumber() ? idNode.asText() : text(idNode, join(path, "id"));
      final String address = address(field(l, "address", path), join(path, "address"));
      final BigInteger gas = u256(field(l, "gasEstimate", path), join(path, "gasEstimate"));
      out.add(
          switch (kind) {
            case "constantProduct" -> constantProduct(l, path, id, address, gas);
            case "concentratedLiquidity" -> concentrated(l, path, id, address, gas);
            case "weightedProduct" -> weighted(l, path, id, address, gas);
            case "stable" -> stable(l, path, id, address, gas);
            case "limitOrder" -> limitOrder(l, path, id, address, gas);
            default ->
                throw new CowFormatException(
                    join(path, "kind"), "unknown liquidity kind \"" + kind + "\"");
          });
    }
    return out;
  }

  private static CowLiquidity constantProduct(
      final JsonNode l,
      final String path,
      final String id,
      final String address,
      final BigInteger gas) {
    final String tp = join(path, "tokens");
    final JsonNode tokens = object(field(l, "tokens", path), tp);
    if (tokens.size() != 2) {
      throw new CowFormatException(
          tp, "a constantProduct pool has exactly 2 tokens, got " + tokens.size());
    }
    // Pair order: token0 is the lower address, as the pair contract sorts them.
    final TreeMap<String, BigInteger> sorted = new TreeMap<>();
    final Iterator<Map.Entry<String, JsonNode>> it = tokens.fields();
    while (it.hasNext()) {
      final Map.Entry<String, JsonNode> e = it.next();
      final String p = join(tp, e.getKey());
      final String addr = address(e.getKey(), p);
      final JsonNode t = object(e.getValue(), p);
      if (sorted.put(addr, u256(field(t, "balance", p), join(p, "balance"))) != null) {
        throw new CowFormatException(p, "the same token twice");
      }
    }
    return new CowLiquidity.ConstantProduct(
        id,
        address,
        gas,
        address(field(l, "router", path), join(path, "router")),
        List.copyOf(sorted.keySet()),
        List.copyOf(sorted.values()),
        decimal(field(l, "fee", path), join(path, "fee")));
  }

  private static CowLiquidity concentrated(
      final JsonNode l,
      final String path,
      final String id,
      final String address,
      final BigInteger gas) {
    final String tp = join(path, "tokens");
    final JsonNode tokens = array(field(l, "tokens", path), tp);
    if (tokens.size() != 2) {
      throw new CowFormatException(
          tp, "a concentratedLiquidity pool has exactly 2 tokens, got " + tokens.size());
    }
    final String t0 = address(tokens.get(0), tp + "[0]");
    final String t1 = address(tokens.get(1), tp + "[1]");
    if (t0.equals(t1)) {
      throw new CowFormatException(tp, "the same token twice");
    }
    final String np = join(path, "liquidityNet");
    final JsonNode net = object(field(l, "liquidityNet", path), np);
    final SortedMap<Integer, BigInteger> ticks = new TreeMap<>();
    final Iterator<Map.Entry<String, JsonNode>> it = net.fields();
    while (it.hasNext()) {
      final Map.Entry<String, JsonNode> e = it.next();
      final String p = join(np, e.getKey());
      final int tick;
      try {
        tick = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw new CowFormatException(p, "tick is not an integer");
      }
      if (ticks.put(tick, signed(e.getValue(), p, 128)) != null) {
        throw new CowFormatException(p, "the same tick twice");
      }
    }
    final BigInteger liquidity = u256(field(l, "liquidity", path), join(path, "liquidity"));
    return new CowLiquidity.ConcentratedLiquidity(
        id,
        address,
        gas,
        address(field(l, "router", path), join(path, "router")),
        List.of(t0, t1),
        u256(field(l, "sqrtPrice", path), join(path, "sqrtPrice")),
        liquidity,
        int32(field(l, "tick", path), join(path, "tick")),
        Collections.unmodifiableSortedMap(ticks),
        decimal(field(l, "fee", path), join(path, "fee")));
  }

  private static CowLiquidity weighted(
      final JsonNode l,
      final String path,
      final String id,
      final String address,
      final BigInteger gas) {
    final BalancerTokens t = balancerTokens(l, path, true);
    final String version = text(field(l, "version", path), join(path, "version"));
    if (!version.equals("v0") && !version.equals("v3Plus")) {
      throw new CowFormatException(
          join(path, "version"), "expected \"v0\" or \"v3Plus\", got \"" + version + "\"");
    }
    return new CowLiquidity.WeightedProduct(
        id,
        address,
        gas,
        hexBytes(field(l, "balancerPoolId", path), join(path, "balancerPoolId"), 32),
        t.addresses(),
        t.balances(),
        t.scalingFactors(),
        t.weights(),
        decimal(field(l, "fee", path), join(path, "fee")),
        version);
  }

  private static CowLiquidity stable(
      final JsonNode l,
      final String path,
      final String id,
      final String address,
      final BigInteger gas) {
    final BalancerTokens t = balancerTokens(l, path, false);
    return new CowLiquidity.Stable(
        id,
        address,
        gas,
        hexBytes(field(l, "balancerPoolId", path), join(path, "balancerPoolId"), 32),
        t.addresses(),
        t.balances(),
        t.scalingFactors(),
        decimal(field(l, "amplificationParameter", path), join(path, "amplificationParameter")),
        decimal(field(l, "fee", path), join(path, "fee")));
  }

  /** The {@code tokens} object of a Balancer pool, index-aligned lists in the order given. */
  private record BalancerTokens(
      List<String> addresses,
      List<BigInteger> balances,
      List<BigDecimal> scalingFactors,
      List<BigDecimal> weights) {}

  private static BalancerTokens balancerTokens(
      final JsonNode l, final String path, final boolean weighted) {
    final String tp = join(path, "tokens");
    final JsonNode tokens = object(field(l, "tokens", path), tp);
    final List<String> addrs = new ArrayList<>();
    final List<BigInteger> balances = new ArrayList<>();
    final List<BigDecimal> scaling = new ArrayList<>();
    final List<BigDecimal> weights = new ArrayList<>();
    final Iterator<Map.Entry<String, JsonNode>> it = tokens.fields();
    while (it.hasNext()) {
      final Map.Entry<String, JsonNode> e = it.next();
      final String p = join(tp, e.getKey());
      final String addr = address(e.getKey(), p);
      if (addrs.contains(addr)) {
        throw new CowFormatException(p, "the same token twice");
      }
      final JsonNode t = object(e.getValue(), p);
      addrs.add(addr);
      balances.add(u256(field(t, "balance", p), join(p, "balance")));
      scaling.add(decimal(field(t, "scalingFactor", p), join(p, "scalingFactor")));
      if (weighted) {
        weights.add(decimal(field(t, "weight", p), join(p, "weight")));
      }
    }
    return new BalancerTokens(
        List.copyOf(addrs), List.copyOf(balances), List.copyOf(scaling), List.copyOf(weights));
  }

  private static CowLiquidity limitOrder(
      final JsonNode l,
      final String path,
      final String id,
      final String address,
      final BigInteger gas) {
    final JsonNode hash = optionalField(l, "hash");
    return new CowLiquidity.LimitOrder(
        id,
        address,
        gas,
        hash == null ? null : hexBytes(hash, join(path, "hash"), 32),
        address(field(l, "makerToken", path), join(path, "makerToken")),
        address(field(l, "takerToken", path), join(path, "takerToken")),
        u256(field(l, "makerAmount", path), join(path, "makerAmount")),
        u256(field(l, "takerAmount", path), join(path, "takerAmount")),
        u256(field(l, "takerTokenFeeAmount", path), join(path, "takerTokenFeeAmount")));
  }
}
