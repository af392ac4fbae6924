package dev.skein.xrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The dispatcher's pipeline over HTTP: routing, HTTP method, params, auth, bodies, errors, limits, output. */
class XrpcDispatcherTest {
    private static final XrpcSettings SETTINGS = new XrpcSettings("1.2.3", 200, 5000, true, SubscriptionSettings.DEFAULT);

    private final WebTestClient client = client(SETTINGS);

    private static WebTestClient client(XrpcSettings settings) {
        XrpcRegistry registry = new XrpcRegistry(TestMethods.CATALOG, TestMethods.all(), java.util.List.of());
        XrpcDispatcher dispatcher = new XrpcDispatcher(registry, TestMethods.AUTH, TestMethods.limiter(), settings);
        return WebTestClient.bindToRouterFunction(dispatcher.routes()).build();
    }

    private WebTestClient.BodyContentSpec error(WebTestClient.ResponseSpec response, int status, String name) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo(name);
    }

    private WebTestClient.ResponseSpec postJson(String nsid, String json) {
        return client.post().uri("/xrpc/" + nsid).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void healthReportsTheVersion() {
        client.get().uri("/xrpc/_health").exchange().expectStatus().isOk()
                .expectBody().json("{\"version\":\"1.2.3\"}", JsonCompareMode.STRICT);
    }

    @Test
    void unknownMethodsAreMethodNotImplementedAndOtherPathsNotSupported() {
        error(client.get().uri("/xrpc/com.example.nothing").exchange(), 501, "MethodNotImplemented")
                .jsonPath("$.message").isEqualTo("Method not implemented: com.example.nothing");
        error(client.post().uri("/xrpc/not-an-nsid").exchange(), 501, "MethodNotImplemented");
        error(client.get().uri("/xrpc/test.echo.query/more").exchange(), 404, "XRPCNotSupported");
    }

    @Test
    void theWrongHttpMethodIsInvalidRequest() {
        error(client.post().uri("/xrpc/test.echo.query?name=a").exchange(), 400, "InvalidRequest")
                .jsonPath("$.message").isEqualTo("Incorrect HTTP method (POST) expected GET");
        error(client.get().uri("/xrpc/test.echo.procedure").exchange(), 400, "InvalidRequest")
                .jsonPath("$.message").isEqualTo("Incorrect HTTP method (GET) expected POST");
    }

    @Test
    void paramsAreDecodedByTheLexiconWithDefaultsAndRepeatedKeys() {
        client.get().uri(b -> b.path("/xrpc/test.echo.query").queryParam("name", "al ice")
                        .queryParam("flags", "a", "b").queryParam("on", "true").queryParam("ignored", "x").build())
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"name\":\"al ice\",\"count\":1,\"flags\":[\"a\",\"b\"],\"on\":true}",
                        JsonCompareMode.STRICT);
        client.get().uri("/xrpc/test.echo.query?name=a&count=7").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(7);
    }

    @Test
    void badParamsAreInvalidRequestNamingTheParameter() {
        error(client.get().uri("/xrpc/test.echo.query").exchange(), 400, "InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("name"));
        error(client.get().uri("/xrpc/test.echo.query?name=a&count=seven").exchange(), 400, "InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("count"));
        error(client.get().uri("/xrpc/test.echo.query?name=a&count=11").exchange(), 400, "InvalidRequest");
        error(client.get().uri("/xrpc/test.echo.query?name=a&count=1&count=2").exchange(), 400, "InvalidRequest");
        error(client.get().uri("/xrpc/test.echo.query?name=a&on=yes").exchange(), 400, "InvalidRequest");
        error(client.get().uri("/xrpc/test.echo.query?name=" + "x".repeat(21)).exchange(), 400, "InvalidRequest");
    }

    @Test
    void withoutASchemaParamsArriveAsStrings() {
        client.get().uri("/xrpc/test.echo.raw?a=1&b=x&b=y").exchange().expectStatus().isOk()
                .expectBody().json("{\"a\":\"1\",\"b\":[\"x\",\"y\"]}", JsonCompareMode.STRICT);
    }

    @Test
    void aJsonBodyIsReadIntoTheDataModelAndBack() {
        String body = "{\"text\":\"hi\",\"ref\":{\"$link\":\"bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm\"},"
                + "\"data\":{\"$bytes\":\"AQID\"}}";
        postJson("test.echo.procedure", body).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json(body, JsonCompareMode.STRICT);
        postJson("test.echo.noschema", "{\"anything\":[1,true,null]}").expectStatus().isOk()
                .expectBody().json("{\"anything\":[1,true,null]}", JsonCompareMode.STRICT);
    }

    @Test
    void malformedJsonFloatsAndBadLinksAreInvalidRequest() {
        error(postJson("test.echo.procedure", "{\"text\":"), 400, "InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).startsWith("Invalid JSON request body"));
        error(postJson("test.echo.noschema", "{\"n\":1.5}"), 400, "InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("float"));
        error(postJson("test.echo.noschema", "{\"l\":{\"$link\":\"not-a-cid\"}}"), 400, "InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("$link"));
        error(postJson("test.echo.noschema", "{\"b\":{\"$bytes\":\"!!\"}}"), 400, "InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("$bytes"));
        error(postJson("test.echo.noschema", "[1,2]"), 400, "InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("object"));
        error(postJson("test.echo.noschema", "{\"a\":1,\"a\":2}"), 400, "InvalidRequest");
        error(client.post().uri("/xrpc/test.echo.noschema").contentType(MediaType.APPLICATION_JSON).exchange(),
                400, "InvalidRequest").jsonPath("$.message").isEqualTo("A JSON request body is required");
    }

    @Test
    void aBodyThatFailsTheLexiconIsInvalidRequest() {
        error(postJson("test.echo.procedure", "{}"), 400, "InvalidRequest")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("text"));
        error(postJson("test.echo.procedure", "{\"text\":5}"), 400, "InvalidRequest");
        error(postJson("test.echo.procedure", "{\"text\":\"far too long text\"}"), 400, "InvalidRequest");
    }

    @Test
    void aJsonMethodRefusesOtherContentTypes() {
        error(client.post().uri("/xrpc/test.echo.procedure").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{\"text\":\"hi\"}").exchange(), 415, "UnsupportedMediaType");
        error(client.post().uri("/xrpc/test.echo.procedure")
                .bodyValue("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8)).exchange(), 415, "UnsupportedMediaType");
    }

    @Test
    void aBodyOverTheLimitIsPayloadTooLargeWhetherDeclaredOrStreamed() {
        String big = "{\"text\":\"" + "x".repeat(300) + "\"}";
        error(postJson("test.echo.noschema", big), 413, "PayloadTooLarge");
        Flux<DataBuffer> chunks = Flux.range(0, 10).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(("{\"k" + i + "\":\"" + "y".repeat(40) + "\"").getBytes(StandardCharsets.UTF_8)));
        error(client.post().uri("/xrpc/test.echo.noschema").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class).exchange(), 413, "PayloadTooLarge");
    }

    @Test
    void rawBodiesKeepTheirTypeWithinTheMethodsOwnLimit() {
        client.post().uri("/xrpc/test.upload.blob").contentType(MediaType.IMAGE_PNG).bodyValue(new byte[999]).exchange()
                .expectStatus().isOk().expectBody().json("{\"size\":999,\"type\":\"image/png\"}", JsonCompareMode.STRICT);
        client.post().uri("/xrpc/test.upload.blob").bodyValue(new byte[3]).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.type").isEqualTo("application/octet-stream");
        error(client.post().uri("/xrpc/test.upload.blob").contentType(MediaType.IMAGE_PNG)
                .bodyValue(new byte[(int) TestMethods.UPLOAD_LIMIT + 1]).exchange(), 413, "PayloadTooLarge");
    }

    @Test
    void aProcedureWithoutInputRefusesABodyAndAnswersEmpty() {
        client.post().uri("/xrpc/test.no.input").exchange().expectStatus().isOk().expectBody().isEmpty();
        error(postJson("test.no.input", "{}"), 400, "InvalidRequest")
                .jsonPath("$.message").isEqualTo("A request body was provided when none was expected");
    }

    @Test
    void authFailuresKeepTheNamesClientsActOn() {
        client.get().uri("/xrpc/test.auth.access").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.error").isEqualTo("AuthMissing");
        error(client.get().uri("/xrpc/test.auth.access").header("Authorization", "Bearer expired").exchange(),
                400, "ExpiredToken");
        error(client.get().uri("/xrpc/test.auth.access").header("Authorization", "Bearer junk").exchange(),
                400, "InvalidToken");
        client.get().uri("/xrpc/test.auth.access").header("Authorization", "Bearer good-1").exchange()
                .expectStatus().isOk().expectBody().json("{\"token\":\"good-1\"}", JsonCompareMode.STRICT);
    }

    @Test
    void authIsCheckedBeforeTheBodyIsRead() {
        error(client.get().uri("/xrpc/test.auth.access").header("Authorization", "Bearer junk").exchange(),
                400, "InvalidToken");
    }

    @Test
    void unexpectedFailuresAre500WithoutDetails() {
        client.get().uri("/xrpc/test.fail.internal").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().json("{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}",
                        JsonCompareMode.STRICT);
        error(client.get().uri("/xrpc/test.answers.nothing").exchange(), 500, "InternalServerError");
        error(client.get().uri("/xrpc/test.auth.nothing").header("Authorization", "Bearer nothing").exchange(),
                500, "InternalServerError");
    }

    @Test
    void lexiconErrorsAre400WithTheirName() {
        error(postJson("test.echo.procedure", "{\"text\":\"reject\"}"), 400, "TextRejected")
                .jsonPath("$.message").isEqualTo("This text is rejected");
    }

    @Test
    void outputThatFailsItsLexiconIsA500OnlyWhenValidating() {
        error(client.get().uri("/xrpc/test.bad.output").exchange(), 500, "InternalServerError")
                .jsonPath("$.message").isEqualTo("Internal Server Error");
        client(SETTINGS.withValidateOutput(false)).get().uri("/xrpc/test.bad.output").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.y").isEqualTo("no x here");
    }

    @Test
    void rateLimitsAreReportedInHeadersAndEnforcedWith429() {
        client.get().uri("/xrpc/test.rate.limited").header("X-Caller", "c1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "2")
                .expectHeader().valueEquals("RateLimit-Remaining", "1")
                .expectHeader().valueEquals("RateLimit-Policy", "2;w=300")
                .expectHeader().exists("RateLimit-Reset")
                .expectHeader().value("Access-Control-Expose-Headers", v -> assertThat(v).contains("RateLimit-Remaining"));
        client.get().uri("/xrpc/test.rate.limited").header("X-Caller", "c1").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("RateLimit-Remaining", "0");
        client.get().uri("/xrpc/test.rate.limited").header("X-Caller", "c1").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().value("Retry-After", v -> assertThat(Long.parseLong(v)).isPositive())
                .expectBody().jsonPath("$.error").isEqualTo("RateLimitExceeded");
        client.get().uri("/xrpc/test.rate.limited").header("X-Caller", "c2").exchange().expectStatus().isOk();
        client.get().uri("/xrpc/test.echo.query?name=a").exchange()
                .expectStatus().isOk().expectHeader().doesNotExist("RateLimit-Limit");
    }

    @Test
    void binaryOutputKeepsItsContentType() {
        client.get().uri("/xrpc/test.binary.out").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.ipld.car")
                .expectBody(byte[].class).isEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void aRedirectIsA302ToItsLocationWithoutABody() {
        client.get().uri("/xrpc/test.redirect.elsewhere").exchange().expectStatus().isFound()
                .expectHeader().valueEquals("Location", "https://elsewhere.test/xrpc/test.redirect.elsewhere?a=b%20c")
                .expectBody().isEmpty();
    }
}
