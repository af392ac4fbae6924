package dev.skein.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Did;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The few XRPC calls the cluster tests make, as any client makes them: plain HTTP and JSON. */
final class XrpcCalls {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private XrpcCalls() {}

    /** An account: its DID and access token. */
    record Agent(Did did, String accessJwt) {}

    /** A record written: its URI and CID. */
    record Written(AtUri uri, Cid cid) {
        String rkey() {
            return uri.rkey().orElseThrow().toString();
        }
    }

    /** A new account named {@code name} under the PDS's first handle domain (from describeServer). */
    static Agent createAccount(URI pds, String name) throws Exception {
        JsonNode server = ok(HttpRequest.newBuilder(pds.resolve("/xrpc/com.atproto.server.describeServer")));
        String handle = name + server.path("availableUserDomains").get(0).asString();
        String body = JSON.writeValueAsString(Map.of(
                "handle", handle, "email", handle + "@mail.example.com", "password", "correct-horse-" + handle));
        JsonNode out = ok(HttpRequest.newBuilder(pds.resolve("/xrpc/com.atproto.server.createAccount"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        return new Agent(Did.parse(out.path("did").asString()), out.path("accessJwt").asString());
    }

    static Written createRecord(URI pds, Agent author, String collection, MapValue record) throws Exception {
        return written(ok(createRecordRequest(pds, author, collection, record)));
    }

    static HttpRequest.Builder createRecordRequest(URI pds, Agent author, String collection, MapValue record) {
        String body = "{\"repo\":\"" + author.did() + "\",\"collection\":\"" + collection + "\",\"record\":"
                + DataJson.writeString(record) + "}";
        return HttpRequest.newBuilder(pds.resolve("/xrpc/com.atproto.repo.createRecord"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + author.accessJwt())
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static Written written(JsonNode createRecordOutput) {
        return new Written(AtUri.parse(createRecordOutput.path("uri").asString()), Cid.parse(createRecordOutput.path("cid").asString()));
    }

    /** {@code Authorization} for the admin: {@code Basic base64(admin:<password>)}. */
    static String basicAdmin(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON answer of a call that must succeed. */
    static JsonNode ok(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
