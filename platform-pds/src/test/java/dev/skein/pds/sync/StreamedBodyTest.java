package dev.skein.pds.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** A body written by blocking code: every byte in order in chunks, and the writer stopped when the client goes. */
class StreamedBodyTest {

    @Test
    void theBytesArriveInOrderInChunks() {
        byte[] data = new byte[StreamedBody.CHUNK * 3 + 1234];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        List<byte[]> chunks = StreamedBody.of(out -> {
            out.write(data, 0, 10);
            out.write(data[10]);
            out.write(data, 11, data.length - 11);
        }, Schedulers.boundedElastic()).collectList().block();
        assertThat(chunks).hasSize(4);
        assertThat(chunks.subList(0, 3)).allMatch(c -> c.length == StreamedBody.CHUNK);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(all::writeBytes);
        assertThat(all.toByteArray()).isEqualTo(data);
    }

    @Test
    void theWriterFailsOnceTheClientHasGone() throws Exception {
        CompletableFuture<Throwable> writerEnd = new CompletableFuture<>();
        StepVerifier.create(StreamedBody.of(out -> {
                    try {
                        while (true) {
                            out.write(new byte[1000]);
                        }
                    } catch (IOException e) {
                        writerEnd.complete(e);
                        throw e;
                    }
                }, Schedulers.boundedElastic()), 1)
                .expectNextCount(1)
                .thenCancel()
                .verify();
        assertThat(writerEnd.get(60, TimeUnit.SECONDS)).isInstanceOf(IOException.class).hasMessageContaining("went away");
    }
}
