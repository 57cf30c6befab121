package io.sextant.solver.serve;

import java.util.OptionalLong;

/**
 * One {@code POST /notify} from the driver, checked and accepted.
 *
 * @param receivedEpochMillis wall-clock time the server accepted it
 * @param kind the notification's {@code kind} (one of {@link NotificationCheck#KINDS})
 * @param auctionId the auction it is about, absent for quotes ({@code "auctionId": null})
 * @param body the request body exactly as received (UTF-8 JSON), for the journal
 */
public record Notification(
    long receivedEpochMillis, String kind, OptionalLong auctionId, byte[] body) {}
