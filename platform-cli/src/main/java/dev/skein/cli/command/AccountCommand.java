package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.client.AdminAuth;
import dev.skein.cli.client.Methods;
import dev.skein.cli.client.Session;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.BoolValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.xrpc.client.XrpcClient;
import dev.skein.xrpc.client.XrpcError;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skein account create|list}: agent accounts on a PDS. */
@Command(name = "account", description = "Creates and lists agent accounts on a PDS.",
        subcommands = {AccountCommand.Create.class, AccountCommand.ListAccounts.class})
public final class AccountCommand {
    /** How many repositories one {@code listRepos} page asks for. */
    static final int PAGE = 500;

    /** {@code com.atproto.server.createAccount}: a new DID, handle and signed repository. */
    @Command(name = "create", description = "Creates an account (a did:plc registered at the PLC directory) and prints"
            + " its DID and handle.")
    public static final class Create implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--pds", paramLabel = "URL", description = "The PDS (default: $SKEIN_PDS_URL, else http://127.0.0.1:2583).")
        URI pds;

        @Option(names = "--handle", required = true, paramLabel = "HANDLE", description = "The handle, e.g. alice.test.")
        String handle;

        @Option(names = "--password", paramLabel = "PASSWORD",
                description = "The password (default: $SKEIN_PASSWORD, else prompted for).")
        String password;

        @Option(names = "--email", paramLabel = "EMAIL", description = "The account's email address; the PDS requires"
                + " one unless the administrator creates the account.")
        String email;

        @Option(names = "--admin-password", paramLabel = "PASSWORD", description = "Create the account as the PDS's"
                + " administrator (default: $SKEIN_ADMIN_PASSWORD), which needs no email.")
        String adminPassword;

        @Option(names = "--save", description = "Save the new session's tokens in the session file (as skein login does).")
        boolean save;

        public Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            XrpcClient pdsClient = context.client(Services.pds(context, pds));
            MapValue.Builder body = MapValue.builder().put("handle", handle)
                    .put("password", Passwords.resolve(context, password, "SKEIN_PASSWORD", handle));
            if (email != null) {
                body.put("email", email);
            }
            Optional<String> admin = Optional.ofNullable(adminPassword).or(() -> context.env("SKEIN_ADMIN_PASSWORD"))
                    .map(AdminAuth::basic);
            MapValue answer = pdsClient.procedure(Methods.CREATE_ACCOUNT, body.build(), admin);
            Session session = Session.fromAnswer(pdsClient.base(), answer);
            context.out().println(session.did().value() + "  " + session.handle());
            if (save) {
                context.sessions().save(session);
                context.err().println("session saved to " + context.sessions().file());
            }
            return 0;
        }
    }

    /**
     * The PDS's accounts: {@code com.atproto.sync.listRepos}, with each handle from {@code describeRepo}, or from
     * the admin API ({@code com.atproto.admin.getAccountInfos}, which adds the email) given the admin password.
     */
    @Command(name = "list", description = "Lists the accounts a PDS hosts: DID, handle, status (and email, with the"
            + " admin password).")
    public static final class ListAccounts implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--pds", paramLabel = "URL", description = "The PDS (default: $SKEIN_PDS_URL, else http://127.0.0.1:2583).")
        URI pds;

        @Option(names = "--admin-password", paramLabel = "PASSWORD",
                description = "The PDS's administrator password (default: $SKEIN_ADMIN_PASSWORD): use the admin API.")
        String adminPassword;

        public ListAccounts(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            XrpcClient client = context.client(Services.pds(context, pds));
            List<MapValue> repos = listRepos(client);
            Optional<String> admin = Optional.ofNullable(adminPassword).or(() -> context.env("SKEIN_ADMIN_PASSWORD"));
            Map<String, MapValue> infos = admin.map(p -> accountInfos(client, repos, p)).orElse(Map.of());
            for (MapValue repo : repos) {
                String did = repo.getString("did").orElseThrow();
                boolean active = repo.find("active").map(a -> a instanceof BoolValue b && b.value()).orElse(true);
                String status = active ? "active" : repo.getString("status").orElse("inactive");
                List<String> columns = new ArrayList<>(List.of(did, handle(client, did, infos.get(did)), status));
                if (admin.isPresent()) {
                    columns.add(Optional.ofNullable(infos.get(did)).flatMap(i -> i.getString("email")).orElse("-"));
                }
                context.out().println(String.join("  ", columns));
            }
            context.err().println(repos.size() + " account(s) at " + client.base());
            return 0;
        }

        private static List<MapValue> listRepos(XrpcClient client) {
            List<MapValue> all = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("limit", PAGE);
                cursor.ifPresent(c -> params.put("cursor", c));
                MapValue page = client.query(Methods.LIST_REPOS, params, Optional.empty());
                List<DataValue> repos = page.find("repos").map(r -> ((ArrayValue) r).items()).orElse(List.of());
                repos.forEach(r -> all.add((MapValue) r));
                cursor = repos.isEmpty() ? Optional.empty() : page.getString("cursor");
            } while (cursor.isPresent());
            return all;
        }

        private static Map<String, MapValue> accountInfos(XrpcClient client, List<MapValue> repos, String password) {
            Map<String, MapValue> byDid = new HashMap<>();
            String basic = AdminAuth.basic(password);
            for (int i = 0; i < repos.size(); i += 100) {
                List<String> dids = repos.subList(i, Math.min(repos.size(), i + 100)).stream()
                        .map(r -> r.getString("did").orElseThrow()).toList();
                MapValue answer = client.query(Methods.GET_ACCOUNT_INFOS, Map.of("dids", dids), Optional.of(basic));
                answer.find("infos").map(v -> ((ArrayValue) v).items()).orElse(List.of()).forEach(v -> {
                    MapValue info = (MapValue) v;
                    byDid.put(info.getString("did").orElseThrow(), info);
                });
            }
            return byDid;
        }

        private static String handle(XrpcClient client, String did, MapValue info) {
            if (info != null) {
                return info.getString("handle").orElse("handle.invalid");
            }
            try {
                MapValue described = client.query(Methods.DESCRIBE_REPO, Map.of("repo", did), Optional.empty());
                return described.getString("handle").orElse("handle.invalid");
            } catch (XrpcError e) {
                return "handle.invalid";
            }
        }
    }

}
