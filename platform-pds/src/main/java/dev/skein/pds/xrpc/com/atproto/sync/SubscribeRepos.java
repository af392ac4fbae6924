package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.sync.Firehose;
import dev.skein.xrpc.SubscriptionRequest;
import dev.skein.xrpc.XrpcSubscription;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** {@code com.atproto.sync.subscribeRepos}: the PDS's event stream, replayed from {@code cursor} and then live. */
@Component
public final class SubscribeRepos implements XrpcSubscription {
    public static final Nsid NSID = ComAtproto.Sync.SUBSCRIBE_REPOS;

    private final Firehose firehose;

    public SubscribeRepos(Firehose firehose) {
        this.firehose = firehose;
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    public Flux<byte[]> open(SubscriptionRequest request) {
        return firehose.frames(request.params().integer("cursor").map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    @Override
    public Optional<byte[]> onOverflow(SubscriptionRequest request) {
        return Optional.of(firehose.tooSlowFrame());
    }

    @Override
    public boolean pacedByDemand() {
        return true;
    }
}
