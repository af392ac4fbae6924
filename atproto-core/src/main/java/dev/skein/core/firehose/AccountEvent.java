package dev.skein.core.firehose;

import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import java.util.Objects;

/**
 * {@code #account}: the hosting status of {@code did} at the emitting service. An inactive account
 * usually says why in {@code status}; the set of statuses is open (the lexicon lists known values).
 *
 * @param status {@code takendown}, {@code suspended}, {@code deleted}, {@code deactivated},
 *     {@code desynchronized}, {@code throttled} or another value, or {@code null}
 */
public record AccountEvent(long seq, Did did, Datetime time, boolean active, String status) implements FirehoseEvent {
    public static final String TYPE = "#account";
    public static final String TAKENDOWN = "takendown";
    public static final String SUSPENDED = "suspended";
    public static final String DELETED = "deleted";
    public static final String DEACTIVATED = "deactivated";
    public static final String DESYNCHRONIZED = "desynchronized";
    public static final String THROTTLED = "throttled";

    public AccountEvent {
        EventChecks.seq(seq);
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(time, "time");
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
                .put("did", did.value())
                .put("time", time.value())
                .put("active", active)
                .putIfPresent("status", status == null ? null : new StringValue(status))
                .build();
    }

    static AccountEvent fromBody(Fields f) {
        return new AccountEvent(f.integer("seq"), f.did("did"), f.datetime("time"), f.bool("active"), f.optionalString("status"));
    }
}
