package dev.skein.pds.sync;

import dev.skein.pds.PdsEndpoint;
import dev.skein.pds.PdsProperties;
import dev.skein.pds.account.AccountStore;
import dev.skein.pds.repo.RepoStore;
import dev.skein.pds.store.Transactions;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.scheduler.Schedulers;

/**
 * The sync side of the PDS: the live tail of the event log, {@code subscribeRepos}, the retention job, the
 * repository reads of {@code com.atproto.sync} and the crawl requests to relays. Imported by
 * {@link dev.skein.pds.PdsConfiguration}, whose sequencer feeds the tail.
 */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean
    EventLog eventLog(JdbcClient pdsJdbcClient) {
        return new EventLog(pdsJdbcClient);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    LiveTail liveTail(EventLog log, Transactions tx) {
        return new LiveTail(log, action -> tx.afterDurable(action, e -> { }));
    }

    @Bean
    Firehose firehose(EventLog log, LiveTail tail, PdsProperties properties, ObjectProvider<Clock> clock) {
        PdsProperties.Firehose f = properties.firehose();
        return new Firehose(log, tail, Schedulers.boundedElastic(), f.retention(), f.consumerBuffer(), clock(clock));
    }

    @Bean(destroyMethod = "close")
    EventRetention eventRetention(EventLog log, PdsProperties properties, ObjectProvider<Clock> clock) {
        EventRetention retention = new EventRetention(log, properties.firehose().retention(), clock(clock));
        retention.start(properties.firehose().pruneInterval());
        return retention;
    }

    @Bean
    RepoBlocks repoBlocks(JdbcClient pdsJdbcClient) {
        return new RepoBlocks(pdsJdbcClient);
    }

    @Bean
    HostedRepos hostedRepos(AccountStore accounts, RepoStore repos, RepoBlocks blocks, JdbcClient pdsJdbcClient) {
        return new HostedRepos(accounts, repos, blocks, pdsJdbcClient, Schedulers.boundedElastic());
    }

    @Bean(destroyMethod = "close")
    CrawlRequests crawlRequests(PdsProperties properties, PdsEndpoint endpoint, LiveTail tail, ObjectProvider<Clock> clock) {
        PdsProperties.Firehose f = properties.firehose();
        CrawlRequests crawl = new CrawlRequests(properties.crawlers(), () -> CrawlRequests.hostname(endpoint.publicUrl()),
                f.crawlInterval(), f.crawlRetry(), clock(clock));
        if (!properties.crawlers().isEmpty()) {
            tail.observe(crawl::eventsAppeared);
        }
        return crawl;
    }

    /** The first crawl requests go out once the server listens, so relays that come at once find it. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> crawlOnStart(CrawlRequests crawl) {
        return event -> crawl.start();
    }
}
