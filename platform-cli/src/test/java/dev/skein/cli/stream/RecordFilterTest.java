package dev.skein.cli.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFilterTest {
    private static final Did ALICE = Did.parse("did:plc:erfyinigcqqpnmuio2a3xyws");
    private static final Did BOB = Did.parse("did:plc:ugdagcdolppz36emzspvucb7");

    @Test
    void aPrefixPatternMatchesItsNamespaceOnly() {
        RecordFilter f = RecordFilter.of(List.of("agent.comms.*"), List.of());
        assertThat(f.wants(ALICE, Nsid.parse("agent.comms.message"))).isTrue();
        assertThat(f.wants(ALICE, Nsid.parse("agent.comms.sub.thing"))).isTrue();
        assertThat(f.wants(ALICE, Nsid.parse("agent.commsx.message"))).isFalse();
        assertThat(f.wants(ALICE, Nsid.parse("agent.memory.note"))).isFalse();
    }

    @Test
    void anExactCollectionAndAccountsFilterTogether() {
        RecordFilter f = RecordFilter.of(List.of("agent.memory.note"), List.of(ALICE.value()));
        assertThat(f.wants(ALICE, Nsid.parse("agent.memory.note"))).isTrue();
        assertThat(f.wants(BOB, Nsid.parse("agent.memory.note"))).isFalse();
        assertThat(f.wants(ALICE, Nsid.parse("agent.memory.fact"))).isFalse();
        assertThat(f.wantsAccount(BOB)).isFalse();
    }

    @Test
    void emptyListsWantEverything() {
        assertThat(RecordFilter.ALL.wants(BOB, Nsid.parse("app.bsky.feed.post"))).isTrue();
    }

    @Test
    void badPatternsAndDidsAreRefused() {
        assertThatThrownBy(() -> RecordFilter.of(List.of("agent..*"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordFilter.of(List.of("not an nsid"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordFilter.of(List.of(), List.of("alice"))).isInstanceOf(IllegalArgumentException.class);
    }
}
