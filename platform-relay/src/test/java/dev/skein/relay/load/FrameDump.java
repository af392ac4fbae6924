package dev.skein.relay.load;

import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.identity.DidDocument;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the hosts' frames for the TypeScript comparison ({@code interop-node/relay-ts-verify.mjs}):
 * {@code frames.bin} holds the first {@code limit} frames, hosts interleaved round-robin (each host's in its
 * order), each as a 4-byte big-endian length and the frame; {@code dids.json} maps each DID to its document;
 * {@code meta.json} counts the frames, the commits, those with operations and the operations.
 */
final class FrameDump {
    private FrameDump() {}

    /** Writes the first {@code limit} of the hosts' frames, interleaved, and the accounts' DID documents. */
    static void writeFrames(Path dir, List<List<byte[]>> frames, List<DidDocument> docs, int limit) throws IOException {
        Files.createDirectories(dir);
        int written = 0;
        long bytes = 0;
        int commits = 0;
        int commitsWithOps = 0;
        int ops = 0;
        try (OutputStream file = Files.newOutputStream(dir.resolve("frames.bin"));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 20))) {
            for (int i = 0; written < limit; i++) {
                boolean any = false;
                for (List<byte[]> host : frames) {
                    if (i < host.size() && written < limit) {
                        if (FirehoseFrame.decode(host.get(i)) instanceof CommitEvent c) {
                            commits++;
                            commitsWithOps += c.ops().isEmpty() ? 0 : 1;
                            ops += c.ops().size();
                        }
                        out.writeInt(host.get(i).length);
                        out.write(host.get(i));
                        bytes += host.get(i).length;
                        written++;
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
        }
        StringBuilder json = new StringBuilder("{");
        for (DidDocument d : docs) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(d.did().value()).append("\":").append(d.toJsonString());
        }
        json.append('}');
        Files.writeString(dir.resolve("dids.json"), json, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("meta.json"), String.format(
                "{\"frames\":%d,\"bytes\":%d,\"commits\":%d,\"commitsWithOps\":%d,\"ops\":%d}", written, bytes, commits,
                commitsWithOps, ops), StandardCharsets.UTF_8);
        System.out.printf("dumped %d frames (%d bytes) and %d DID documents to %s%n", written, bytes,
                docs.size(), dir);
    }
}
