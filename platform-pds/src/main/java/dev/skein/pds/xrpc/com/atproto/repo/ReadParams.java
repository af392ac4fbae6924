package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcParams;

/** URL parameters of the repository reads, already format-checked by the dispatcher; a failure here is a 400. */
final class ReadParams {
    private ReadParams() {}

    static Nsid collection(XrpcParams params) {
        String s = params.requireString("collection");
        try {
            return Nsid.parse(s);
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("collection must be a valid nsid: " + s);
        }
    }

    static RecordKey rkey(String s, String name) {
        try {
            return RecordKey.parse(s);
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest(name.equals("cursor") ? "Invalid cursor: " + s : name + " must be a valid record key: " + s);
        }
    }

    static Cid cid(String s) {
        try {
            return Cid.parse(s);
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("cid must be a valid CID: " + s);
        }
    }
}
