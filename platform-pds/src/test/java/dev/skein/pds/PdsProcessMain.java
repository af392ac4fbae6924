package dev.skein.pds;

import dev.skein.core.data.MapValue;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.pds.account.SigningKeys;
import dev.skein.pds.repo.RepoStore;
import dev.skein.pds.sequencer.Sequencer;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The PDS alone in a process of its own, for tests that kill it: {@code <data dir> <PLC URL> <port>}. Prints
 * {@code READY} once it listens. Besides the PDS's methods it serves {@code dev.skein.test.writePost}
 * ({@code {did, text}}: one commit through the PDS's storage, answered once durable), the tests' write path
 * until the repo write methods exist.
 */
public final class PdsProcessMain {
    public static final Nsid WRITE_POST = Nsid.parse("dev.skein.test.writePost");

    private PdsProcessMain() {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PdsConfiguration.class)
    static class App {
        @Bean
        XrpcMethod writePost(Transactions tx, RepoStore repos, SigningKeys keys, Sequencer sequencer) {
            RepoWrites writes = new RepoWrites(tx, repos, keys, sequencer, Clock.systemUTC());
            return new BlockingXrpcMethod() {
                @Override
                public Nsid nsid() {
                    return WRITE_POST;
                }

                @Override
                public Kind kind() {
                    return Kind.PROCEDURE;
                }

                @Override
                public XrpcResponse call(XrpcRequest request) {
                    MapValue body = request.body();
                    RepoCommit c = writes.post(Did.parse(body.getString("did").orElseThrow()), body.getString("text").orElseThrow());
                    return XrpcResponse.json(MapValue.builder()
                            .put("path", c.ops().getFirst().path())
                            .put("cid", c.ops().getFirst().cid().toString())
                            .put("commit", c.cid().toString())
                            .put("rev", c.commit().rev().value())
                            .build());
                }
            };
        }
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(App.class)
                .properties("skein.pds.data-dir=" + args[0], "skein.pds.plc-url=" + args[1], "server.port=" + args[2],
                        "server.address=127.0.0.1", "skein.pds.password-hash-cost=14", "spring.main.banner-mode=off")
                .run();
        System.out.println("READY");
        System.out.flush();
    }
}
