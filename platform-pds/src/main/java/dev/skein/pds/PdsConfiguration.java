package dev.skein.pds;

import dev.skein.core.crypto.PublicKey;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.TidClock;
import dev.skein.pds.account.AccountCreation;
import dev.skein.pds.account.AccountEvents;
import dev.skein.pds.account.AccountIdentity;
import dev.skein.pds.account.AccountLifecycle;
import dev.skein.pds.account.AccountSessions;
import dev.skein.pds.account.AccountStatus;
import dev.skein.pds.account.AccountStore;
import dev.skein.pds.account.AccountTokenDelivery;
import dev.skein.pds.account.AccountTokenStore;
import dev.skein.pds.account.AppPasswordStore;
import dev.skein.pds.account.AppPasswords;
import dev.skein.pds.account.SigningKeys;
import dev.skein.pds.account.UndeliveredTokens;
import dev.skein.pds.auth.PdsAuth;
import dev.skein.pds.auth.RefreshTokenStore;
import dev.skein.pds.auth.ServiceJwt;
import dev.skein.pds.auth.SessionJwt;
import dev.skein.pds.auth.SessionTokens;
import dev.skein.pds.identity.DidResolver;
import dev.skein.pds.identity.HandleResolver;
import dev.skein.pds.identity.HandleRules;
import dev.skein.pds.identity.PlcClient;
import dev.skein.pds.lexicon.LexiconPublishing;
import dev.skein.pds.blob.BlobCollector;
import dev.skein.pds.blob.BlobFiles;
import dev.skein.pds.blob.BlobLocks;
import dev.skein.pds.blob.BlobStore;
import dev.skein.pds.blob.Blobs;
import dev.skein.pds.ratelimit.PdsRateLimiter;
import dev.skein.pds.repo.RecordPreparer;
import dev.skein.pds.repo.RepoAccess;
import dev.skein.pds.repo.RepoReader;
import dev.skein.pds.repo.RepoService;
import dev.skein.pds.repo.RepoStore;
import dev.skein.pds.secrets.InProcessAdmin;
import dev.skein.pds.secrets.KeyEncryption;
import dev.skein.pds.secrets.PasswordHasher;
import dev.skein.pds.secrets.PdsSecrets;
import dev.skein.pds.sequencer.JdbcSequencer;
import dev.skein.pds.sequencer.Sequencer;
import dev.skein.pds.store.PdsDatabase;
import dev.skein.pds.store.Transactions;
import dev.skein.pds.sync.LiveTail;
import dev.skein.pds.sync.SyncConfiguration;
import dev.skein.xrpc.AdminCredential;
import dev.skein.xrpc.OpenSockets;
import dev.skein.xrpc.RoutesFirst;
import dev.skein.xrpc.SubscriptionSettings;
import dev.skein.xrpc.XrpcDispatcher;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRegistry;
import dev.skein.xrpc.XrpcSettings;
import dev.skein.xrpc.XrpcSubscription;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The PDS role: its database ({@code skein.pds.datasource}, migrated at start), secrets (data directory
 * or environment), account services, the XRPC dispatcher with every method of
 * {@code dev.skein.pds.xrpc}, {@code /.well-known/atproto-did}, the sync side ({@link SyncConfiguration}: the
 * event stream, repository exports, crawl requests), and CORS open to every origin (browser clients call
 * PDSes directly). Meant for a web application context of its own.
 *
 * <p>The PDS's {@link DataSource}, {@link Flyway} and transaction manager are beans so that Spring Boot's
 * own JDBC and Flyway auto-configuration, where present, back off. Beans a context may provide instead:
 * a {@link Clock} (tests move it), an {@link AccountTokenDelivery} (default: tokens are not delivered), a
 * {@link HandleResolver} (default: DNS and HTTPS), {@link XrpcSubscription}s and extra {@link XrpcMethod}s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PdsProperties.class)
// One class per XRPC method, named after the method, so names repeat across namespaces (repo.getRecord and
// sync.getRecord): beans are named by their fully qualified class.
@ComponentScan(basePackages = "dev.skein.pds.xrpc", nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@Import({SyncConfiguration.class, LexiconPublishing.class})
public class PdsConfiguration {
    /** The lexicons packaged from the checkout's {@code lexicons/} folder. */
    public static final String LEXICON_INDEX = "lexicons/index.txt";

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean(destroyMethod = "close")
    PdsDatabase pdsDatabase(PdsProperties properties) {
        return PdsDatabase.open(properties);
    }

    @Bean
    DataSource pdsDataSource(PdsDatabase database) {
        return database.dataSource();
    }

    @Bean
    Flyway pdsFlyway(PdsDatabase database) {
        return database.migrate();
    }

    @Bean
    DataSourceTransactionManager pdsTransactionManager(PdsDatabase database) {
        return new DataSourceTransactionManager(database.dataSource());
    }

    @Bean
    JdbcClient pdsJdbcClient(PdsDatabase database, Flyway migrated) {
        return JdbcClient.create(database.dataSource());
    }

    @Bean(destroyMethod = "close")
    Transactions pdsTransactions(DataSourceTransactionManager manager, JdbcClient pdsJdbcClient, PdsDatabase database) {
        return new Transactions(manager, pdsJdbcClient, database.vendor());
    }

    @Bean
    PdsSecrets pdsSecrets(PdsProperties properties, @Value("${skein.admin.password-hash:}") String adminHash) {
        return PdsSecrets.load(properties.dataDir(), System.getenv(), adminHash.isBlank());
    }

    /**
     * The administrator's credential: the platform's shared one ({@code skein.admin.password-hash}, which the
     * executable sets for every role) or, for a PDS run on its own, its password from {@link PdsSecrets}.
     */
    @Bean
    AdminCredential pdsAdminCredential(PdsSecrets secrets, InProcessAdmin self,
            @Value("${skein.admin.password-hash:}") String adminHash) {
        AdminCredential operator = adminHash.isBlank()
                ? AdminCredential.ofPassword(secrets.adminPassword()) : AdminCredential.ofHash(adminHash);
        return operator.alsoAcceptingInProcessSecret(self.secret());
    }

    /** The secret of admin calls the PDS makes to itself over XRPC (the Lexicon publisher's account creation). */
    @Bean
    InProcessAdmin inProcessAdmin() {
        return InProcessAdmin.generate();
    }

    @Bean
    PdsEndpoint pdsEndpoint(PdsProperties properties) {
        return new PdsEndpoint(properties);
    }

    @Bean
    PasswordHasher pdsPasswordHasher(PdsProperties properties) {
        return new PasswordHasher(properties.passwordHashCost());
    }

    @Bean
    AccountStore accountStore(JdbcClient pdsJdbcClient) {
        return new AccountStore(pdsJdbcClient);
    }

    @Bean
    AppPasswordStore appPasswordStore(JdbcClient pdsJdbcClient) {
        return new AppPasswordStore(pdsJdbcClient);
    }

    @Bean
    AccountTokenStore accountTokenStore(JdbcClient pdsJdbcClient) {
        return new AccountTokenStore(pdsJdbcClient);
    }

    @Bean
    RefreshTokenStore refreshTokenStore(JdbcClient pdsJdbcClient) {
        return new RefreshTokenStore(pdsJdbcClient);
    }

    @Bean
    RepoStore repoStore(JdbcClient pdsJdbcClient) {
        return new RepoStore(pdsJdbcClient);
    }

    /**
     * The event log. The live tail hears of an event only once it is durable, so that no consumer ever sees
     * an event that a crash could take back (and whose seq would then be handed out again).
     */
    @Bean
    Sequencer sequencer(PdsDatabase database, Flyway migrated, ObjectProvider<Clock> clock, LiveTail liveTail, Transactions tx) {
        return new JdbcSequencer(database.dataSource(), clock(clock), seq -> tx.afterDurable(() -> liveTail.committed(seq), e -> { }));
    }

    @Bean
    AccountEvents accountEvents(Sequencer sequencer, ObjectProvider<Clock> clock) {
        return new AccountEvents(sequencer, clock(clock));
    }

    @Bean
    SigningKeys signingKeys(PdsSecrets secrets, AccountStore accounts) {
        return new SigningKeys(new KeyEncryption(secrets.keyEncryptionKey()), accounts);
    }

    @Bean
    HandleRules handleRules(PdsProperties properties) {
        return new HandleRules(properties.handleDomains());
    }

    @Bean
    PlcClient plcClient(PdsProperties properties) {
        return new PlcClient(properties.plcUrl());
    }

    @Bean
    DidResolver didResolver(PlcClient plc, ObjectProvider<Clock> clock) {
        return new DidResolver(plc, clock(clock));
    }

    @Bean
    SessionJwt sessionJwt(PdsSecrets secrets, PdsProperties properties) {
        return new SessionJwt(secrets.jwtSecret(), properties.serviceDid());
    }

    @Bean
    SessionTokens sessionTokens(SessionJwt jwt, RefreshTokenStore refreshTokens, AppPasswordStore appPasswords,
                                PdsProperties properties, ObjectProvider<Clock> clock) {
        return new SessionTokens(jwt, refreshTokens, appPasswords, properties.sessions(), clock(clock));
    }

    /**
     * Service JWTs to this PDS: the issuer's key is the one stored here for accounts hosted here, else the
     * one in its DID document.
     */
    @Bean
    ServiceJwt serviceJwt(PdsProperties properties, AccountStore accounts, SigningKeys keys, DidResolver dids,
                          ObjectProvider<Clock> clock) {
        ServiceJwt.KeyLookup lookup = (Did did, boolean fresh) -> {
            if (accounts.find(did).filter(a -> a.status() != AccountStatus.DELETED).isPresent()) {
                return Optional.of(keys.load(did).publicKey());
            }
            return dids.resolve(did, fresh).flatMap(DidDocument::atprotoKey).map(PublicKey.class::cast);
        };
        return new ServiceJwt(properties.serviceDid(), lookup, clock(clock));
    }

    @Bean
    PdsAuth pdsAuth(SessionJwt sessions, ServiceJwt services, AccountStore accounts, AdminCredential pdsAdminCredential,
                    ObjectProvider<Clock> clock) {
        return new PdsAuth(sessions, services, accounts, pdsAdminCredential, clock(clock));
    }

    @Bean
    AccountCreation accountCreation(HandleRules handles, AccountStore accounts, PasswordHasher hasher, SigningKeys keys,
                                    PlcClient plc, PdsSecrets secrets, PdsEndpoint endpoint, RepoStore repos,
                                    AccountEvents events, SessionTokens sessions, Transactions tx,
                                    PdsProperties properties, ObjectProvider<Clock> clock) {
        Clock c = clock(clock);
        return new AccountCreation(handles, accounts, hasher, keys, plc, secrets.plcRotationKey(), endpoint, repos, events,
                sessions, tx, c, TidClock.withRandomClockId(Optional.empty()), properties.inviteRequired());
    }

    @Bean
    AccountSessions accountSessions(AccountStore accounts, AppPasswordStore appPasswords, PasswordHasher hasher,
                                    SessionTokens sessions, HandleRules handles, Transactions tx) {
        return new AccountSessions(accounts, appPasswords, hasher, sessions, handles, tx);
    }

    @Bean
    AccountLifecycle accountLifecycle(AccountStore accounts, AppPasswordStore appPasswords, AccountTokenStore tokens,
                                      ObjectProvider<AccountTokenDelivery> delivery, PasswordHasher hasher,
                                      SessionTokens sessions, RepoStore repos, AccountEvents events, Transactions tx,
                                      ObjectProvider<Clock> clock) {
        return new AccountLifecycle(accounts, appPasswords, tokens, delivery.getIfAvailable(UndeliveredTokens::new), hasher,
                sessions, repos, events, tx, clock(clock));
    }

    @Bean
    AppPasswords appPasswords(AppPasswordStore store, RefreshTokenStore refreshTokens, PasswordHasher hasher,
                              Transactions tx, ObjectProvider<Clock> clock) {
        return new AppPasswords(store, refreshTokens, hasher, tx, clock(clock));
    }

    @Bean
    AccountIdentity accountIdentity(AccountStore accounts, HandleRules rules, ObjectProvider<HandleResolver> resolver,
                                    DidResolver dids, PlcClient plc, PdsSecrets secrets, SigningKeys keys,
                                    PdsEndpoint endpoint, AccountEvents events, Transactions tx) {
        return new AccountIdentity(accounts, rules, resolver.getIfAvailable(HandleResolver::standard), dids, plc,
                secrets.plcRotationKey(), keys, endpoint, events, tx);
    }

    /** The lexicons of {@link #LEXICON_INDEX}: what the dispatcher checks calls against and records are validated by. */
    @Bean
    LexiconCatalog pdsLexicons() {
        return LexiconCatalog.fromResourceIndex(PdsConfiguration.class.getClassLoader(), LEXICON_INDEX);
    }

    /** Record keys and revs: seeded with the highest rev stored, so that revs keep increasing after a restart. */
    @Bean
    TidClock pdsTidClock(RepoStore repos) {
        return TidClock.withRandomClockId(repos.latestRev());
    }

    @Bean
    RecordPreparer recordPreparer(LexiconCatalog pdsLexicons, TidClock pdsTidClock) {
        return new RecordPreparer(pdsLexicons, pdsTidClock);
    }

    @Bean
    RepoAccess repoAccess(AccountStore accounts) {
        return new RepoAccess(accounts);
    }

    @Bean
    RepoReader repoReader(JdbcClient pdsJdbcClient) {
        return new RepoReader(pdsJdbcClient);
    }

    @Bean(destroyMethod = "close")
    RepoService repoService(RepoAccess access, RecordPreparer preparer, Transactions tx, RepoStore repos,
                            JdbcClient pdsJdbcClient, PdsDatabase database, AccountStore accounts, SigningKeys keys,
                            Sequencer sequencer, Blobs blobs, TidClock pdsTidClock, PdsProperties properties,
                            ObjectProvider<Clock> clock) {
        return new RepoService(access, preparer, tx, repos, pdsJdbcClient, new JdbcTemplate(database.dataSource()),
                accounts, keys, sequencer, blobs, pdsTidClock, clock(clock), properties.repos());
    }

    @Bean
    BlobStore blobStore(JdbcClient pdsJdbcClient) {
        return new BlobStore(pdsJdbcClient);
    }

    @Bean
    BlobFiles blobFiles(PdsProperties properties) {
        return new BlobFiles(properties.blobDir());
    }

    @Bean
    BlobLocks blobLocks() {
        return new BlobLocks();
    }

    @Bean
    Blobs blobs(BlobStore store, BlobFiles files, BlobLocks locks, Transactions tx, PdsProperties properties,
                ObjectProvider<Clock> clock) {
        return new Blobs(store, files, locks, tx, clock(clock), properties.blobUploadLimit());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    BlobCollector blobCollector(BlobStore store, BlobFiles files, BlobLocks locks, Transactions tx,
                                PdsProperties properties, ObjectProvider<Clock> clock) {
        return new BlobCollector(store, files, locks, tx, clock(clock), properties.blobs().gcGrace(),
                properties.blobs().gcInterval());
    }

    @Bean
    PdsRateLimiter pdsRateLimiter(PdsProperties properties, ObjectProvider<Clock> clock) {
        return new PdsRateLimiter(properties.rateLimits(), clock(clock));
    }

    @Bean
    XrpcDispatcher pdsXrpcDispatcher(List<XrpcMethod> methods, ObjectProvider<XrpcSubscription> subscriptions,
                                     PdsAuth auth, PdsProperties properties, ObjectProvider<BuildProperties> build,
                                     LexiconCatalog pdsLexicons, PdsRateLimiter pdsRateLimiter) {
        LexiconCatalog catalog = pdsLexicons;
        XrpcRegistry registry = new XrpcRegistry(catalog, methods, subscriptions.orderedStream().toList());
        String version = build.stream().map(BuildProperties::getVersion).findFirst()
                .orElse(Optional.ofNullable(PdsConfiguration.class.getPackage().getImplementationVersion()).orElse("dev"));
        XrpcSettings settings = new XrpcSettings(version, XrpcSettings.DEFAULT_MAX_JSON_BYTES,
                properties.blobUploadLimit(), properties.validateOutput(), SubscriptionSettings.DEFAULT);
        return new XrpcDispatcher(registry, auth, pdsRateLimiter, settings);
    }

    /** Closes subscribeRepos streams with 1001 Going Away before the server stops. */
    @Bean
    OpenSockets pdsOpenSockets(XrpcDispatcher pdsXrpcDispatcher) {
        return pdsXrpcDispatcher.openSockets();
    }

    /** The PDS's routes are looked up before the actuator's endpoints, which every call used to be matched against first. */
    @Bean
    static RoutesFirst pdsRoutesFirst() {
        return new RoutesFirst();
    }

    @Bean
    RouterFunction<ServerResponse> pdsRoutes(XrpcDispatcher dispatcher, AccountIdentity identity) {
        return new WellKnownRoutes(identity).routes().and(dispatcher.routes());
    }

    /** Every origin may call the PDS, as with the reference PDS: browser clients talk to it directly. */
    @Bean
    CorsWebFilter pdsCorsFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin(CorsConfiguration.ALL);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "OPTIONS"));
        cors.addAllowedHeader(CorsConfiguration.ALL);
        cors.addExposedHeader("RateLimit-Limit");
        cors.addExposedHeader("RateLimit-Remaining");
        cors.addExposedHeader("RateLimit-Reset");
        cors.addExposedHeader("RateLimit-Policy");
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
