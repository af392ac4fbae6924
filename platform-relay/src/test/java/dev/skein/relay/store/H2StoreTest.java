package dev.skein.relay.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 database, in file mode as the relay runs it. */
class H2StoreTest extends StoreContract {
    @TempDir
    Path dir;
    private RelayDatabase db;

    @Override
    RelayDatabase db() {
        db = RelayDatabase.open(RelayDatabase.h2FileUrl(dir.resolve("relay").toString()), "sa", "", null);
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
