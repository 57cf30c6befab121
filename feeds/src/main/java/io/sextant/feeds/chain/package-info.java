/**
 * The JSON-RPC chain feed: hand-rolled decoding of Uniswap V2/V3 logs into {@link
 * io.sextant.feeds.ring.MarketEvent}s, initial state and resynchronisation by {@code eth_call}, and
 * {@link io.sextant.feeds.chain.ChainFeed}, which follows the chain block by block (WebSocket
 * {@code newHeads} as the trigger, HTTP {@code eth_getLogs} per block) with reorg and gap handling.
 */
package io.sextant.feeds.chain;
