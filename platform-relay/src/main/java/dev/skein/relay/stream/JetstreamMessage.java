package dev.skein.relay.stream;

import dev.skein.core.syntax.Did;

/**
 * One Jetstream event, rendered once and shared by every consumer it is for.
 *
 * @param collection the record collection of a commit event, {@code null} for identity and account events
 * @param timeUs its cursor: microseconds, unique per Jetstream event
 * @param json the JSON text sent
 */
public record JetstreamMessage(Did did, String collection, long timeUs, String json) {}
