package dev.skein.cli.stream;

import dev.skein.cli.client.IdentityResolver;
import dev.skein.cli.client.Methods;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.DrislException;
import dev.skein.core.data.MapValue;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.InfoEvent;
import dev.skein.core.firehose.InvalidFrameException;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.firehose.UnknownFrame;
import dev.skein.core.repo.CommitVerificationException;
import dev.skein.core.repo.CommitVerifier;
import dev.skein.core.repo.VerifiedCommit;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consumer of a relay's (or PDS's) {@code com.atproto.sync.subscribeRepos} that trusts nothing it has not
 * checked: every {@code #commit} is verified with the account's key resolved through its DID document (the
 * signature, the CAR, and the Sync 1.1 proof that undoing the operations gives back {@code prevData}), its rev
 * must be newer than the account's last one seen, and every created or updated record is validated against the
 * lexicons with the validator the PDS writes with ({@link RecordValidator}). Operations that pass the
 * {@link RecordFilter} go to the {@link StreamListener}; a commit that fails is reported and its operations
 * dropped.
 *
 * <p>When a signature fails with the cached key, the identity is resolved again once (the key may have rotated);
 * an {@code #identity} event drops the cached document.
 *
 * <p>Spec: <a href="https://atproto.com/specs/sync#message-validation-checklist">sync: message validation</a>.
 */
public final class VerifiedRecordStream {
    private final URI service;
    private final IdentityResolver identities;
    private final RecordValidator validator;
    private final RecordFilter filter;
    private final Map<Did, Tid> lastRev = new HashMap<>();
    private final SocketSlot socket;
    private volatile long lastSeq = -1;

    public VerifiedRecordStream(URI service, HttpClient http, IdentityResolver identities, RecordValidator validator,
                                RecordFilter filter) {
        this.service = service;
        this.identities = identities;
        this.validator = validator;
        this.filter = filter;
        this.socket = new SocketSlot(http);
    }

    /** The sequence number of the last event read, or -1: the cursor to resume from. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Reads the stream from {@code cursor} (or the live tail when empty) until it ends or {@link #stop} is called. */
    public void run(Optional<Long> cursor, StreamListener listener) {
        socket.run(url(service, cursor), frame -> handle(frame, listener));
    }

    /** Ends {@link #run} (from the listener, or another thread). */
    public void stop() {
        socket.stop();
    }

    /** Whether {@link #stop} was called (by the caller, or on the service's error frame): {@link #run} would do nothing. */
    public boolean stopped() {
        return socket.stopped();
    }

    static URI url(URI service, Optional<Long> cursor) {
        String base = service.toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
        return URI.create(base + "/xrpc/" + Methods.SUBSCRIBE_REPOS.value() + cursor.map(c -> "?cursor=" + c).orElse(""));
    }

    void handle(byte[] bytes, StreamListener listener) {
        FirehoseFrame frame;
        try {
            frame = FirehoseFrame.decode(bytes);
        } catch (InvalidFrameException e) {
            listener.onNotice("InvalidFrame", e.getMessage());
            return;
        }
        switch (frame) {
            case CommitEvent c -> {
                lastSeq = c.seq();
                commit(c, listener);
            }
            case IdentityEvent i -> {
                lastSeq = i.seq();
                identities.forget(i.did());
            }
            case AccountEvent a -> lastSeq = a.seq();
            case SyncEvent s -> {
                lastSeq = s.seq();
                sync(s, listener);
            }
            case InfoEvent info -> listener.onNotice(info.name(), info.message() == null ? "" : info.message());
            case ErrorFrame error -> {
                listener.onNotice(error.error(), error.message() == null ? "" : error.message());
                stop();
            }
            case UnknownFrame unknown -> { }
        }
    }

    private void commit(CommitEvent event, StreamListener listener) {
        Did did = event.repo();
        if (!filter.wantsAccount(did)) {
            return;
        }
        Tid last = lastRev.get(did);
        if (last != null && event.rev().compareTo(last) <= 0) {
            listener.onRejectedCommit(event.seq(), did, "rev " + event.rev() + " is not newer than " + last);
            return;
        }
        VerifiedCommit verified;
        try {
            verified = verify(event);
        } catch (CommitVerificationException | IdentityResolver.IdentityException e) {
            listener.onRejectedCommit(event.seq(), did, e.getMessage());
            return;
        }
        lastRev.put(did, event.rev());
        for (RepoOp op : verified.ops()) {
            if (filter.wants(did, op.collection())) {
                listener.onRecord(record(event, verified, op));
            }
        }
    }

    private VerifiedCommit verify(CommitEvent event) {
        PublicKey key = identities.signingKey(event.repo());
        try {
            return CommitVerifier.verify(event, key);
        } catch (CommitVerificationException e) {
            if (e.reason() != CommitVerificationException.Reason.BAD_SIGNATURE) {
                throw e;
            }
            identities.forget(event.repo());
            return CommitVerifier.verify(event, identities.signingKey(event.repo()));
        }
    }

    /** A {@code #sync} resets the account's state: after a verified one, its rev is the last seen. */
    private void sync(SyncEvent event, StreamListener listener) {
        if (!filter.wantsAccount(event.did())) {
            return;
        }
        try {
            CommitVerifier.verify(event, identities.signingKey(event.did()));
            lastRev.put(event.did(), event.rev());
        } catch (CommitVerificationException | IdentityResolver.IdentityException e) {
            listener.onRejectedCommit(event.seq(), event.did(), e.getMessage());
        }
    }

    private StreamRecord record(CommitEvent event, VerifiedCommit commit, RepoOp op) {
        Optional<byte[]> bytes = commit.record(op);
        if (bytes.isEmpty()) {
            return new StreamRecord(event.repo(), event.seq(), op.action().wire(), op.collection(), op.rkey(), null,
                    null, true, null);
        }
        DataValue value;
        try {
            value = Drisl.decode(bytes.get());
        } catch (DrislException e) {
            return new StreamRecord(event.repo(), event.seq(), op.action().wire(), op.collection(), op.rkey(), op.cid(),
                    null, true, Validation.invalid(List.of("the record is not valid DRISL: " + e.getMessage())));
        }
        if (!(value instanceof MapValue record)) {
            return new StreamRecord(event.repo(), event.seq(), op.action().wire(), op.collection(), op.rkey(), op.cid(),
                    null, true, Validation.invalid(List.of("the record is a " + value.kind() + ", not an object")));
        }
        return new StreamRecord(event.repo(), event.seq(), op.action().wire(), op.collection(), op.rkey(), op.cid(),
                record, true, validator.validate(op.collection(), op.rkey(), record));
    }
}
