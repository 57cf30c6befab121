/**
 * The inbound Disruptor ring: pre-allocated {@link io.sextant.feeds.ring.MarketEvent} slots, the
 * {@link io.sextant.feeds.ring.StateApplier} (the pool state store's only writer), the journal slot
 * beside it, and a synthetic market source for load tests.
 */
package io.sextant.feeds.ring;
