package dev.skein.relay.web;

import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.relay.Relay;
import dev.skein.relay.stream.Jetstream;
import dev.skein.relay.stream.JetstreamEncoder;
import dev.skein.relay.stream.SubscribeRepos;
import dev.skein.relay.xrpc.admin.BanHost;
import dev.skein.relay.xrpc.admin.SetHostLimits;
import dev.skein.relay.xrpc.admin.UnbanHost;
import dev.skein.relay.xrpc.admin.UpdateSubjectStatus;
import dev.skein.relay.xrpc.sync.GetHostStatus;
import dev.skein.relay.xrpc.sync.GetLatestCommit;
import dev.skein.relay.xrpc.sync.GetRepo;
import dev.skein.relay.xrpc.sync.GetRepoStatus;
import dev.skein.relay.xrpc.sync.ListHosts;
import dev.skein.relay.xrpc.sync.ListRepos;
import dev.skein.relay.xrpc.sync.RequestCrawl;
import dev.skein.xrpc.AdminCredential;
import dev.skein.xrpc.OpenSockets;
import dev.skein.xrpc.SubscriptionSettings;
import dev.skein.xrpc.XrpcDispatcher;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRateLimiter;
import dev.skein.xrpc.XrpcRegistry;
import dev.skein.xrpc.XrpcSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The relay's HTTP front, as WebFlux pieces any Spring context (or a bare Reactor Netty server) can mount: the XRPC
 * methods on {@code xrpc-server}'s dispatcher (parameters and input checked against the lexicons of the checkout's
 * {@code lexicons/} folder where the method has one, the admin credential by {@link RelayAuth}), the two WebSocket
 * endpoints (frames up to the sync spec's 5 MB), and the {@code Server} header filter.
 */
public final class RelayWeb {
    /** The Jetstream endpoint. */
    public static final String JETSTREAM_PATH = "/subscribe";
    /** The lexicons the build puts on the classpath (the checkout's {@code lexicons/} folder), listed in this index. */
    public static final String LEXICON_INDEX = "lexicons/index.txt";
    /** Procedure bodies of the relay are small: requestCrawl's hostname, an admin call's few fields. */
    public static final int MAX_JSON_INPUT_BYTES = 64 * 1024;

    private final Relay relay;
    private final RelayAuth auth;
    private final boolean validateOutput;
    private final Scheduler streams = Schedulers.newBoundedElastic(64, 100_000, "relay-stream");
    private final SubscribeRepos subscribeRepos;
    private final Jetstream jetstream;
    private final OpenSockets openSockets = new OpenSockets();

    /**
     * @param adminCredential the operator's credential, or {@code null} to refuse every admin call
     * @param validateOutput whether JSON output is checked against the method's lexicon (for tests and development)
     */
    public RelayWeb(Relay relay, AdminCredential adminCredential, boolean validateOutput) {
        this.relay = relay;
        this.auth = new RelayAuth(adminCredential);
        this.validateOutput = validateOutput;
        int buffer = relay.settings().consumerBuffer();
        this.subscribeRepos = new SubscribeRepos(relay.log(), relay.feed(), streams, buffer);
        this.jetstream = new Jetstream(relay.log(), relay.feed(), streams, buffer, new JetstreamEncoder());
    }

    /** The XRPC methods; the relay's, one class each. */
    public List<XrpcMethod> methods() {
        return List.of(new ListRepos(relay), new GetLatestCommit(relay), new GetRepoStatus(relay), new GetRepo(relay),
                new ListHosts(relay), new GetHostStatus(relay), new RequestCrawl(relay),
                new UpdateSubjectStatus(relay), new BanHost(relay), new UnbanHost(relay), new SetHostLimits(relay));
    }

    /**
     * The dispatcher of {@link #methods()}. The relay's own {@code dev.skein.relay.admin.*} methods have no published
     * lexicon: the registry serves them without schema validation, and they check their input themselves.
     * {@code subscribeRepos} is not registered here: {@link #webSocketMapping()} serves it, before these routes.
     */
    public XrpcDispatcher dispatcher() {
        XrpcRegistry registry = new XrpcRegistry(lexicons(), methods(), List.of());
        String version = Optional.ofNullable(RelayWeb.class.getPackage().getImplementationVersion()).orElse("dev");
        XrpcSettings settings = new XrpcSettings(version, MAX_JSON_INPUT_BYTES, MAX_JSON_INPUT_BYTES, validateOutput,
                SubscriptionSettings.DEFAULT);
        return new XrpcDispatcher(registry, auth, XrpcRateLimiter.UNLIMITED, settings);
    }

    /** {@code /xrpc/{nsid}} for every method, {@code /xrpc/_health}, and JSON errors for other paths under {@code /xrpc/}. */
    public RouterFunction<ServerResponse> routes() {
        return dispatcher().routes();
    }

    /** The lexicons of {@link #LEXICON_INDEX}, which the dispatcher checks calls against. */
    static LexiconCatalog lexicons() {
        return LexiconCatalog.fromResourceIndex(RelayWeb.class.getClassLoader(), LEXICON_INDEX);
    }

    /** Maps the WebSocket endpoints; ordered before the XRPC routes, so subscribeRepos is not taken for a query. */
    public HandlerMapping webSocketMapping() {
        Map<String, WebSocketHandler> map = Map.of(
                "/xrpc/" + SubscribeRepos.NSID, openSockets.track(new SubscribeReposSocket(subscribeRepos)),
                JETSTREAM_PATH, openSockets.track(new JetstreamSocket(jetstream)));
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(map);
        mapping.setOrder(-10);
        return mapping;
    }

    /** Upgrades with frames allowed up to the sync spec's limit (Reactor Netty's default is 64 KiB). */
    public WebSocketHandlerAdapter webSocketAdapter() {
        ReactorNettyRequestUpgradeStrategy strategy = new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(FirehoseFrame.MAX_FRAME_BYTES));
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(strategy));
    }

    public RelayServerHeader serverHeader() {
        return new RelayServerHeader();
    }

    /** The open streams of both endpoints: a lifecycle bean closes them with 1001 Going Away on shutdown. */
    public OpenSockets openSockets() {
        return openSockets;
    }

    public SubscribeRepos subscribeRepos() {
        return subscribeRepos;
    }

    public Jetstream jetstream() {
        return jetstream;
    }

    public void close() {
        streams.dispose();
    }
}
