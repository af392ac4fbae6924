package dev.skein.core.firehose;

import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;

/**
 * {@code #identity}: {@code did}'s DID document or handle may have changed; consumers refresh their caches.
 *
 * @param handle the current handle if the emitter includes it ({@code handle.invalid} when it does not
 *     resolve), or {@code null}
 */
public record IdentityEvent(long seq, String did, String time, String handle) implements FirehoseEvent {
    public static final String TYPE = "#identity";

    public IdentityEvent {
        EventChecks.seq(seq);
        EventChecks.did("did", did);
        EventChecks.datetime("time", time);
        if (handle != null) {
            EventChecks.nonEmpty("handle", handle);
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
                .putIfPresent("handle", handle == null ? null : new StringValue(handle))
                .build();
    }

    static IdentityEvent fromBody(Fields f) {
        return new IdentityEvent(f.integer("seq"), f.string("did"), f.string("time"), f.optionalString("handle"));
    }
}
