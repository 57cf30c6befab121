/**
 * The JSON-RPC chain feed: hand-rolled decoding of Uniswap V2/V3, Balancer V2 Vault and Curve logs
 * into {@link io.sextant.feeds.ring.MarketEvent}s (or, for Curve, balance re-reads), initial state
 * and resynchronisation by {@code eth_call}, and {@link io.sextant.feeds.chain.ChainFeed}, which
 * follows the chain block by block (WebSocket {@code newHeads} as the trigger, HTTP {@code
 * eth_getLogs} per block) with reorg and gap handling.
 */
package io.sextant.feeds.chain;
