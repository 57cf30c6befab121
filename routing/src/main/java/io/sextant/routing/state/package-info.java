/**
 * The pre-allocated pool state store: one writer (the feeds' state applier, or an auction loader),
 * any number of lock-free readers taking consistent per-pool snapshots through sequence locks.
 */
package io.sextant.routing.state;
