package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.UsageError;
import dev.skein.cli.client.AuthenticatedPds;
import dev.skein.cli.client.Methods;
import dev.skein.cli.client.Session;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.xrpc.client.XrpcClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skein record create|put|get|list|delete}: records of a repository, through {@code com.atproto.repo.*}. */
@Command(name = "record", description = "Writes, reads, lists and deletes records of a repository.",
        subcommands = {RecordCommand.Create.class, RecordCommand.Put.class, RecordCommand.Get.class,
                RecordCommand.ListRecords.class, RecordCommand.Delete.class})
public final class RecordCommand {

    /** Options of the commands that write. */
    abstract static class Write implements Callable<Integer> {
        final CliContext context;

        @Mixin
        AuthOptions auth;

        @Option(names = "--collection", required = true, paramLabel = "NSID", description = "The collection, e.g. agent.memory.note.")
        String collection;

        @Option(names = "--json", paramLabel = "JSON|@FILE|-",
                description = "The record: JSON text, @ and a file, or - for standard input (the default).")
        String json;

        @Option(names = "--validate", negatable = true,
                description = "Ask the PDS to validate against the lexicon (--validate), or to skip it (--no-validate);"
                        + " default: validate when the PDS knows the collection.")
        Boolean validate;

        Write(CliContext context) {
            this.context = context;
        }

        MapValue.Builder body(Session session, Nsid nsid, MapValue record) {
            MapValue.Builder b = MapValue.builder().put("repo", session.did().value()).put("collection", nsid.value())
                    .put("record", record);
            if (validate != null) {
                b.put("validate", validate);
            }
            return b;
        }
    }

    @Command(name = "create", description = "Creates a record (com.atproto.repo.createRecord); fills $type and"
            + " createdAt when missing, and prints its URI and CID.")
    public static final class Create extends Write {
        @Option(names = "--rkey", paramLabel = "KEY", description = "The record key (default: a new TID, or the"
                + " collection's fixed key).")
        String rkey;

        public Create(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Nsid nsid = Nsid.parse(collection);
            MapValue record = RecordInput.withTypeAndCreatedAt(RecordInput.read(context, json), nsid, Datetime.now());
            AuthenticatedPds pds = auth.authenticate(context);
            MapValue.Builder body = body(pds.session(), nsid, record);
            if (rkey != null) {
                body.put("rkey", RecordKey.parse(rkey).value());
            }
            MapValue request = body.build();
            MapValue answer = pds.call(a -> pds.client().procedure(Methods.CREATE_RECORD, request, a));
            context.out().println(DataJson.writeString(answer));
            return 0;
        }
    }

    @Command(name = "put", description = "Creates or replaces the record at a key (com.atproto.repo.putRecord); fills"
            + " $type when missing.")
    public static final class Put extends Write {
        @Option(names = "--rkey", required = true, paramLabel = "KEY", description = "The record key.")
        String rkey;

        public Put(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Nsid nsid = Nsid.parse(collection);
            MapValue record = RecordInput.withType(RecordInput.read(context, json), nsid);
            AuthenticatedPds pds = auth.authenticate(context);
            MapValue body = body(pds.session(), nsid, record).put("rkey", RecordKey.parse(rkey).value()).build();
            MapValue answer = pds.call(a -> pds.client().procedure(Methods.PUT_RECORD, body, a));
            context.out().println(DataJson.writeString(answer));
            return 0;
        }
    }

    @Command(name = "delete", description = "Deletes a record (com.atproto.repo.deleteRecord).")
    public static final class Delete implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        AuthOptions auth;

        @Option(names = "--collection", required = true, paramLabel = "NSID", description = "The collection.")
        String collection;

        @Option(names = "--rkey", required = true, paramLabel = "KEY", description = "The record key.")
        String rkey;

        public Delete(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Nsid nsid = Nsid.parse(collection);
            RecordKey key = RecordKey.parse(rkey);
            AuthenticatedPds pds = auth.authenticate(context);
            MapValue body = MapValue.builder().put("repo", pds.session().did().value()).put("collection", nsid.value())
                    .put("rkey", key.value()).build();
            pds.call(a -> pds.client().procedure(Methods.DELETE_RECORD, body, a));
            context.out().println("deleted at://" + pds.session().did().value() + "/" + nsid.value() + "/" + key.value());
            return 0;
        }
    }

    /** Options of the commands that read: no session needed, only which repository. */
    abstract static class Read implements Callable<Integer> {
        final CliContext context;

        @Option(names = "--pds", paramLabel = "URL",
                description = "The PDS (default: the saved session's, else $SKEIN_PDS_URL, else http://127.0.0.1:2583).")
        URI pds;

        @Option(names = "--repo", paramLabel = "DID|HANDLE", description = "The repository (default: the saved session's account).")
        String repo;

        @Option(names = "--collection", required = true, paramLabel = "NSID", description = "The collection.")
        String collection;

        Read(CliContext context) {
            this.context = context;
        }

        XrpcClient client() {
            if (pds != null) {
                return context.client(pds);
            }
            return context.client(context.sessions().find(Optional.empty()).map(Session::pds)
                    .orElseGet(() -> Services.pds(context, null)));
        }

        String repo() {
            if (repo != null) {
                return repo;
            }
            return context.sessions().find(Optional.empty()).map(s -> s.did().value())
                    .orElseThrow(() -> new UsageError("no --repo given and no saved session (skein login)"));
        }
    }

    @Command(name = "get", description = "Prints a record with its URI and CID (com.atproto.repo.getRecord).")
    public static final class Get extends Read {
        @Option(names = "--rkey", required = true, paramLabel = "KEY", description = "The record key.")
        String rkey;

        public Get(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("repo", repo());
            params.put("collection", Nsid.parse(collection).value());
            params.put("rkey", RecordKey.parse(rkey).value());
            context.out().println(DataJson.writeString(client().query(Methods.GET_RECORD, params, Optional.empty())));
            return 0;
        }
    }

    @Command(name = "list", description = "Prints a collection's records, one JSON line each (com.atproto.repo.listRecords);"
            + " the cursor of the next page goes to standard error.")
    public static final class ListRecords extends Read {
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (1-100; default 50).")
        int limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "Where the previous page ended.")
        String cursor;

        @Option(names = "--reverse", description = "Oldest first.")
        boolean reverse;

        public ListRecords(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("repo", repo());
            params.put("collection", Nsid.parse(collection).value());
            params.put("limit", limit);
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            if (reverse) {
                params.put("reverse", true);
            }
            MapValue page = client().query(Methods.LIST_RECORDS, params, Optional.empty());
            List<DataValue> records = page.find("records").map(r -> ((ArrayValue) r).items()).orElse(List.of());
            records.forEach(r -> context.out().println(DataJson.writeString(r)));
            page.getString("cursor").filter(c -> records.size() == limit)
                    .ifPresent(c -> context.err().println("more: --cursor " + c));
            return 0;
        }
    }
}
