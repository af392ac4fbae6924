package dev.skein.cli.client;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Did;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user file of saved sessions ({@code ~/.config/skein/sessions.json}, or {@code $SKEIN_SESSION_FILE}):
 * sessions by handle, and which one is current (the last login). The file is readable by its owner only,
 * since it holds tokens, and is replaced atomically so that a crash never leaves half of it.
 */
public final class SessionStore {
    private final Path file;

    public SessionStore(Path file) {
        this.file = file;
    }

    /** The file {@code $SKEIN_SESSION_FILE} names, else {@code $XDG_CONFIG_HOME/skein}, else {@code ~/.config/skein}. */
    public static SessionStore forUser(Map<String, String> env) {
        String explicit = env.get("SKEIN_SESSION_FILE");
        if (explicit != null && !explicit.isBlank()) {
            return new SessionStore(Path.of(explicit));
        }
        String config = env.get("XDG_CONFIG_HOME");
        Path dir = config != null && !config.isBlank() ? Path.of(config) : Path.of(System.getProperty("user.home"), ".config");
        return new SessionStore(dir.resolve("skein").resolve("sessions.json"));
    }

    public Path file() {
        return file;
    }

    /** The saved session of {@code handle}, or the current one when {@code handle} is empty. */
    public Optional<Session> find(Optional<String> handle) {
        MapValue all = read();
        Optional<String> key = handle.or(() -> all.getString("current"));
        return key.flatMap(k -> all.getMap("sessions").flatMap(s -> s.getMap(k))).map(SessionStore::session);
    }

    /** Saves (or replaces) a session and makes it the current one. */
    public void save(Session session) {
        MapValue all = read();
        Map<String, DataValue> sessions = new LinkedHashMap<>(all.getMap("sessions").map(MapValue::toMap).orElse(Map.of()));
        sessions.put(session.handle(), MapValue.builder()
                .put("pds", session.pds().toString())
                .put("did", session.did().value())
                .put("handle", session.handle())
                .put("accessJwt", session.accessJwt())
                .put("refreshJwt", session.refreshJwt())
                .build());
        write(MapValue.builder().put("current", new StringValue(session.handle()))
                .put("sessions", MapValue.of(sessions)).build());
    }

    private static Session session(MapValue m) {
        return new Session(URI.create(m.getString("pds").orElseThrow()), Did.parse(m.getString("did").orElseThrow()),
                m.getString("handle").orElseThrow(), m.getString("accessJwt").orElseThrow(),
                m.getString("refreshJwt").orElseThrow());
    }

    private MapValue read() {
        if (!Files.exists(file)) {
            return MapValue.EMPTY;
        }
        try {
            return DataJson.parseObject(Files.readAllBytes(file), DataLimits.RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session file " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the session file " + file + " is damaged (" + e.getMessage()
                    + "): delete it and log in again", e);
        }
    }

    private void write(MapValue all) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".sessions", ".tmp", ownerOnly());
            Files.write(tmp, DataJson.write(all));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session file " + file, e);
        }
    }

    private java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
        return new java.nio.file.attribute.FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
