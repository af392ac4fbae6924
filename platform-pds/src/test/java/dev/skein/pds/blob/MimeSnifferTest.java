package dev.skein.pds.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MimeSnifferTest {
    private static byte[] hex(String h) {
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    @ParameterizedTest
    @CsvSource({
            "89504e470d0a1a0a0000000d49484452, application/octet-stream, image/png",
            "ffd8ffe000104a4649460001, image/png, image/jpeg",
            "474946383961010001000000, image/png, image/gif",
            "474946383761010001000000, text/plain, image/gif",
            "52494646240000005745425056503820, image/jpeg, image/webp",
            "0000001c667479706973736f6d000002, image/png, video/mp4",
            "0000001c6674797071742020000002, video/mp4, video/quicktime",
            "0000001c6674797061766966000000, image/png, image/avif",
    })
    void signaturesWinOverTheDeclaredType(String bytes, String declared, String expected) {
        assertThat(MimeSniffer.sniff(hex(bytes), declared)).isEqualTo(expected);
    }

    @Test
    void aRecognisableClaimTheBytesDoNotBackBecomesWhatTheBytesAre() {
        assertThat(MimeSniffer.sniff("hello there".getBytes(StandardCharsets.UTF_8), "image/png")).isEqualTo("text/plain");
        assertThat(MimeSniffer.sniff("{\"a\": [1, 2.5]}".getBytes(StandardCharsets.UTF_8), "image/jpeg")).isEqualTo("application/json");
        assertThat(MimeSniffer.sniff("[1,2] trailing".getBytes(StandardCharsets.UTF_8), "image/jpeg")).isEqualTo("text/plain");
        assertThat(MimeSniffer.sniff(new byte[] {0, 1, 2, (byte) 0xff}, "video/mp4")).isEqualTo("application/octet-stream");
        assertThat(MimeSniffer.sniff(new byte[0], "image/gif")).isEqualTo("application/octet-stream");
        assertThat(MimeSniffer.sniff(hex("c328"), "image/png")).as("invalid UTF-8").isEqualTo("application/octet-stream");
    }

    @Test
    void otherDeclaredTypesAreKeptWithoutParameters() {
        assertThat(MimeSniffer.sniff("a,b".getBytes(StandardCharsets.UTF_8), "Text/CSV; charset=utf-8")).isEqualTo("text/csv");
        assertThat(MimeSniffer.sniff(new byte[] {1, 2}, "application/x-agent-state")).isEqualTo("application/x-agent-state");
        assertThat(MimeSniffer.sniff("x".getBytes(StandardCharsets.UTF_8), "")).isEqualTo("application/octet-stream");
        assertThat(MimeSniffer.sniff("x".getBytes(StandardCharsets.UTF_8), "nonsense")).isEqualTo("application/octet-stream");
        assertThat(MimeSniffer.sniff("<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml")).isEqualTo("image/svg+xml");
    }

    @Test
    void textIsJudgedOnItsStartEvenWhenAMultiByteCharacterIsCutThere() {
        byte[] b = new byte[MimeSniffer.TEXT_SAMPLE_BYTES + 10];
        java.util.Arrays.fill(b, (byte) 'a');
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(euro, 0, b, MimeSniffer.TEXT_SAMPLE_BYTES - 1, euro.length);
        assertThat(MimeSniffer.isText(b)).isTrue();
    }
}
