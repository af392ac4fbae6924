package dev.skein.xrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class ConsumerBufferTest {
    private static final SubscriptionSettings SETTINGS = new SubscriptionSettings(3, 10);
    private static final byte[] TOO_SLOW = {9, 9};

    @Test
    void aConsumerThatKeepsUpGetsEveryFrameAndANormalClose() {
        AtomicReference<CloseStatus> close = new AtomicReference<>(CloseStatus.NORMAL);
        StepVerifier.create(ConsumerBuffer.bounded(Flux.range(0, 100).map(i -> new byte[] {i.byteValue()}), SETTINGS,
                        Optional::empty, close))
                .expectNextCount(100).verifyComplete();
        assertThat(close.get()).isEqualTo(CloseStatus.NORMAL);
    }

    @Test
    void aConsumerMoreThanTheBufferBehindIsCutOffWithTheOverflowFrame() {
        Sinks.Many<byte[]> source = Sinks.many().multicast().directBestEffort();
        AtomicReference<CloseStatus> close = new AtomicReference<>(CloseStatus.NORMAL);
        AtomicInteger overflows = new AtomicInteger();
        StepVerifier.create(ConsumerBuffer.bounded(source.asFlux(), SETTINGS, () -> {
                    overflows.incrementAndGet();
                    return Optional.of(TOO_SLOW);
                }, close), 0)
                .then(() -> {
                    for (int i = 0; i < 5; i++) {
                        source.tryEmitNext(new byte[] {(byte) i});
                    }
                })
                .thenRequest(10)
                .assertNext(f -> assertThat(f).as("the waiting frames are dropped").containsExactly(TOO_SLOW))
                .verifyComplete();
        assertThat(overflows).hasValue(1);
        assertThat(close.get()).isEqualTo(ConsumerBuffer.CONSUMER_TOO_SLOW);
        assertThat(close.get().getCode()).isEqualTo(1008);
        assertThat(source.currentSubscriberCount()).as("the source is cancelled").isZero();
    }

    @Test
    void aFrameOverTheSizeLimitIsNotSentAndClosesAsAServerError() {
        AtomicReference<CloseStatus> close = new AtomicReference<>(CloseStatus.NORMAL);
        StepVerifier.create(ConsumerBuffer.bounded(Flux.just(new byte[10], new byte[11], new byte[1]), SETTINGS,
                        Optional::empty, close))
                .assertNext(f -> assertThat(f).hasSize(10))
                .verifyComplete();
        assertThat(close.get().getCode()).isEqualTo(CloseStatus.SERVER_ERROR.getCode());
    }

    @Test
    void aFailingSourceClosesAsAServerError() {
        AtomicReference<CloseStatus> close = new AtomicReference<>(CloseStatus.NORMAL);
        StepVerifier.create(ConsumerBuffer.bounded(Flux.concat(Flux.just(new byte[1]), Flux.error(new IllegalStateException("db down"))),
                        SETTINGS, Optional::empty, close))
                .expectNextCount(1).verifyComplete();
        assertThat(close.get()).isEqualTo(CloseStatus.SERVER_ERROR);
    }

    @Test
    void aPacedSubscriptionIsAskedOnlyForWhatTheConsumerReads() {
        AtomicReference<CloseStatus> close = new AtomicReference<>(CloseStatus.NORMAL);
        java.util.List<Long> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        Flux<byte[]> source = Flux.range(0, 1000).map(i -> new byte[] {i.byteValue()}).doOnRequest(requests::add);
        StepVerifier.create(ConsumerBuffer.bounded(source, SETTINGS, true, Optional::empty, close), 0)
                .thenRequest(2)
                .expectNextCount(2)
                .then(() -> assertThat(requests).as("no buffer asks for more than the consumer").containsExactly(2L))
                .thenCancel()
                .verify();
    }

    @Test
    void aPacedSubscriptionsOverflowSendsTheOverflowFrameAndClosesAsTooSlow() {
        AtomicReference<CloseStatus> close = new AtomicReference<>(CloseStatus.NORMAL);
        Flux<byte[]> source = Flux.concat(Flux.just(new byte[] {1}), Flux.error(new SubscriptionOverflowException(3)));
        StepVerifier.create(ConsumerBuffer.bounded(source, SETTINGS, true, () -> Optional.of(TOO_SLOW), close))
                .assertNext(f -> assertThat(f).containsExactly(1))
                .assertNext(f -> assertThat(f).containsExactly(TOO_SLOW))
                .verifyComplete();
        assertThat(close.get()).isEqualTo(ConsumerBuffer.CONSUMER_TOO_SLOW);
    }
}
