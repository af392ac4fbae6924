package dev.skein.pds.ratelimit;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.pds.xrpc.com.atproto.repo.ApplyWrites;
import dev.skein.pds.xrpc.com.atproto.repo.CreateRecord;
import dev.skein.pds.xrpc.com.atproto.repo.DeleteRecord;
import dev.skein.pds.xrpc.com.atproto.repo.PutRecord;
import dev.skein.xrpc.XrpcInput;
import dev.skein.xrpc.XrpcRequest;

/**
 * What a call costs from an account's write budget, as the reference PDS counts it: 3 points a create, 2 an
 * update (or put), 1 a delete; {@code applyWrites} the sum of its writes. Other calls cost nothing.
 */
final class WritePoints {
    static final int CREATE = 3;
    static final int UPDATE = 2;
    static final int DELETE = 1;

    private WritePoints() {}

    static int of(XrpcRequest request) {
        String method = request.nsid().value();
        if (method.equals(CreateRecord.NSID.value())) {
            return CREATE;
        }
        if (method.equals(PutRecord.NSID.value())) {
            return UPDATE;
        }
        if (method.equals(DeleteRecord.NSID.value())) {
            return DELETE;
        }
        if (method.equals(ApplyWrites.NSID.value()) && request.input() instanceof XrpcInput.Json json
                && json.body().get("writes") instanceof ArrayValue writes) {
            int points = 0;
            for (DataValue w : writes.items()) {
                String type = w instanceof MapValue m ? m.type().orElse("") : "";
                points += type.endsWith("#create") ? CREATE : type.endsWith("#update") ? UPDATE : DELETE;
            }
            return points;
        }
        return 0;
    }
}
