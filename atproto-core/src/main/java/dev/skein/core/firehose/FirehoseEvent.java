package dev.skein.core.firehose;

import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import java.io.ByteArrayOutputStream;

/**
 * A message of the {@code subscribeRepos} stream ({@code op: 1}), named in the header by its short type.
 */
public sealed interface FirehoseEvent extends FirehoseFrame
        permits CommitEvent, SyncEvent, IdentityEvent, AccountEvent, InfoEvent {

    /** The header {@code t}: the lexicon fragment, e.g. {@code #commit}. */
    String type();

    /** The payload, without {@code $type}. */
    MapValue body();

    @Override
    default byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Drisl.encode(header(type()), out);
        Drisl.encode(body(), out);
        return out.toByteArray();
    }

    private static MapValue header(String t) {
        return MapValue.builder().put("t", t).put("op", OP_MESSAGE).build();
    }
}
