package dev.skein.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.syntax.Did;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    private static final URI PDS = URI.create("http://127.0.0.1:2583");
    private static final Session ALICE = new Session(PDS, Did.parse("did:plc:erfyinigcqqpnmuio2a3xyws"), "alice.test",
            "access-a", "refresh-a");
    private static final Session BOB = new Session(PDS, Did.parse("did:plc:ugdagcdolppz36emzspvucb7"), "bob.test",
            "access-b", "refresh-b");

    @TempDir
    Path dir;

    @Test
    void theLastSavedSessionIsCurrentAndEachCanBePickedByHandle() {
        SessionStore store = new SessionStore(dir.resolve("skein").resolve("sessions.json"));
        assertThat(store.find(Optional.empty())).isEmpty();
        store.save(ALICE);
        store.save(BOB);
        assertThat(store.find(Optional.empty())).contains(BOB);
        assertThat(store.find(Optional.of("alice.test"))).contains(ALICE);
        assertThat(store.find(Optional.of("carol.test"))).isEmpty();
        Session refreshed = new Session(PDS, ALICE.did(), "alice.test", "access-a2", "refresh-a2");
        store.save(refreshed);
        assertThat(store.find(Optional.empty())).contains(refreshed);
        assertThat(store.find(Optional.of("bob.test"))).contains(BOB);
    }

    @Test
    void theFileIsTheOwnersOnly() throws IOException {
        SessionStore store = new SessionStore(dir.resolve("sessions.json"));
        store.save(ALICE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void aSessionNeverPrintsItsTokens() {
        assertThat(ALICE.toString()).contains("alice.test").doesNotContain("access-a").doesNotContain("refresh-a");
    }

    @Test
    void aDamagedFileSaysWhatToDo() throws IOException {
        Path file = dir.resolve("sessions.json");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> new SessionStore(file).find(Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("delete it and log in again");
    }

    @Test
    void theFileComesFromTheEnvironment() {
        assertThat(SessionStore.forUser(Map.of("SKEIN_SESSION_FILE", "/tmp/s.json")).file()).isEqualTo(Path.of("/tmp/s.json"));
        assertThat(SessionStore.forUser(Map.of("XDG_CONFIG_HOME", "/cfg")).file())
                .isEqualTo(Path.of("/cfg/skein/sessions.json"));
    }
}
