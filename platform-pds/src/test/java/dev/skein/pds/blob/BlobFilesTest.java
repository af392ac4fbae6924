package dev.skein.pds.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Did;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobFilesTest {
    @TempDir
    Path dir;

    @Test
    void blobsAreFilesUnderTheirAccountAndCid() {
        BlobFiles files = new BlobFiles(dir);
        Did did = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
        byte[] bytes = {1, 2, 3};
        Cid cid = Cid.ofRaw(bytes);
        files.write(did, cid, bytes);
        assertThat(files.file(did, cid)).isEqualTo(dir.resolve("did+plc+ewvi7nxzyoun6zhxrhs64oiz").resolve(cid.toString()));
        assertThat(files.read(did, cid)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        files.write(did, cid, bytes);
        assertThat(files.exists(did, cid)).isTrue();
        files.delete(did, cid);
        files.delete(did, cid);
        assertThat(files.read(did, cid)).isEmpty();
        assertThat(files.read(Did.parse("did:web:other.example"), cid)).isEmpty();
    }

    @Test
    void longDidsGetHashedFolderNames() {
        BlobFiles files = new BlobFiles(dir);
        Did did = Did.parse("did:web:" + "a".repeat(240) + ".example");
        assertThat(files.folder(did).getFileName().toString()).startsWith("sha256+").hasSize(7 + 64);
    }

    @Test
    void leftoversOfCutShortUploadsAreClearedAtStart() throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        Files.write(dir.resolve("tmp").resolve("x.part"), new byte[] {9});
        new BlobFiles(dir);
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }
}
