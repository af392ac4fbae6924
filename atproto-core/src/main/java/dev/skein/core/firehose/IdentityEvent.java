package dev.skein.core.firehose;

import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.util.Objects;

/**
 * {@code #identity}: {@code did}'s DID document or handle may have changed; consumers refresh their caches.
 *
 * @param handle the current handle if the emitter includes it ({@code handle.invalid} when it does not
 *     resolve), or {@code null}
 */
public record IdentityEvent(long seq, Did did, Datetime time, Handle handle) implements FirehoseEvent {
    public static final String TYPE = "#identity";

    public IdentityEvent {
        EventChecks.seq(seq);
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(time, "time");
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
                .putIfPresent("handle", handle == null ? null : new StringValue(handle.value()))
                .build();
    }

    static IdentityEvent fromBody(Fields f) {
        return new IdentityEvent(f.integer("seq"), f.did("did"), f.datetime("time"), f.optionalHandle("handle"));
    }
}
