package dev.skein.core.firehose;

import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;

/**
 * {@code #account}: the hosting status of {@code did} at the emitting service. An inactive account
 * usually says why in {@code status}; the set of statuses is open (the lexicon lists known values).
 *
 * @param status {@code takendown}, {@code suspended}, {@code deleted}, {@code deactivated},
 *     {@code desynchronized}, {@code throttled} or another value, or {@code null}
 */
public record AccountEvent(long seq, String did, String time, boolean active, String status) implements FirehoseEvent {
    public static final String TYPE = "#account";
    public static final String TAKENDOWN = "takendown";
    public static final String SUSPENDED = "suspended";
    public static final String DELETED = "deleted";
    public static final String DEACTIVATED = "deactivated";
    public static final String DESYNCHRONIZED = "desynchronized";
    public static final String THROTTLED = "throttled";

    public AccountEvent {
        EventChecks.seq(seq);
        EventChecks.did("did", did);
        EventChecks.datetime("time", time);
        if (status != null) {
            EventChecks.nonEmpty("status", status);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public MapValue body() {
        return MapValue.builder()
                .put("seq", seq)
                .put("did", did)
                .put("time", time)
                .put("active", active)
                .putIfPresent("status", status == null ? null : new StringValue(status))
                .build();
    }

    static AccountEvent fromBody(Fields f) {
        return new AccountEvent(f.integer("seq"), f.string("did"), f.string("time"), f.bool("active"), f.optionalString("status"));
    }
}
