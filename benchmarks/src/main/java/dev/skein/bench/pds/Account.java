package dev.skein.bench.pds;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.xrpc.client.XrpcClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An account the load generator made, its session, and the record keys it wrote. */
final class Account {
    static final String COLLECTION = "app.bsky.feed.post";
    static final Nsid CREATE_RECORD = Nsid.parse("com.atproto.repo.createRecord");
    static final Nsid GET_RECORD = Nsid.parse("com.atproto.repo.getRecord");
    static final Nsid LIST_RECORDS = Nsid.parse("com.atproto.repo.listRecords");
    /** The largest JSON answer the generator reads. */
    static final DataLimits RESPONSE_LIMITS = new DataLimits(64L << 20, 128, 1 << 20, 8192);

    final String did;
    final String accessJwt;
    final List<String> keys = new CopyOnWriteArrayList<>();

    Account(String did, String accessJwt) {
        this.did = did;
        this.accessJwt = accessJwt;
    }

    /** Creates a post (validated against its lexicon, as a client's post would be); returns the output. */
    MapValue createPost(XrpcClient xrpc, int i) throws Exception {
        return written(xrpc.procedure(CREATE_RECORD, postInput(i), Optional.of("Bearer " + accessJwt)));
    }

    /** The same, on the measured client {@code client}'s keep-alive connection. */
    MapValue createPost(KeepAliveConnections connections, int client, int i) throws Exception {
        return written(DataJson.parseObject(connections.procedure(client, CREATE_RECORD, DataJson.write(postInput(i)),
                accessJwt), RESPONSE_LIMITS));
    }

    private MapValue postInput(int i) {
        MapValue record = MapValue.builder().put("$type", COLLECTION)
                .put("text", "load generator post " + i + ": the quick brown fox jumps over the lazy dog")
                .put("createdAt", Instant.now().toString()).build();
        return MapValue.builder().put("repo", did).put("collection", COLLECTION).put("record", record).build();
    }

    private MapValue written(MapValue out) {
        String uri = out.getString("uri").orElseThrow();
        keys.add(uri.substring(uri.lastIndexOf('/') + 1));
        return out;
    }

    /** Reads one of its posts on the reader {@code client}'s connection; the answer is not parsed. */
    byte[] getRecord(KeepAliveConnections queries, int client, String rkey) throws Exception {
        return queries.query(client, GET_RECORD, Map.of("repo", did, "collection", COLLECTION, "rkey", rkey));
    }

    /** Lists its latest {@code limit} posts on the reader {@code client}'s connection; the answer is not parsed. */
    byte[] listRecords(KeepAliveConnections queries, int client, int limit) throws Exception {
        return queries.query(client, LIST_RECORDS,
                Map.of("repo", did, "collection", COLLECTION, "limit", Integer.toString(limit)));
    }
}
