package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.client.IdentityResolver;
import dev.skein.cli.client.Methods;
import dev.skein.core.car.CarLimits;
import dev.skein.core.repo.RepoExportVerifier;
import dev.skein.core.syntax.Did;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skein repo export}: a repository as a CAR file, verified before it is written. */
@Command(name = "repo", description = "Works with whole repositories.", subcommands = RepoCommand.Export.class)
public final class RepoCommand {

    @Command(name = "export", description = "Downloads a repository as a CAR file (com.atproto.sync.getRepo) and, unless"
            + " --raw, verifies it first: every block against its CID, the commit's signature with the account's current"
            + " key, and a complete, well-formed MST. Nothing is written when it does not verify.")
    public static final class Export implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--pds", paramLabel = "URL",
                description = "The PDS (default: the one the account's DID document names).")
        URI pds;

        @Option(names = "--plc", paramLabel = "URL",
                description = "The PLC directory (default: $SKEIN_PLC_URL, else http://127.0.0.1:2582).")
        URI plc;

        @Option(names = "--did", required = true, paramLabel = "DID", description = "The account.")
        String did;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the CAR.")
        Path output;

        @Option(names = "--raw", description = "Write what the PDS sent without verifying it.")
        boolean raw;

        public Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Did account = Did.parse(did);
            IdentityResolver identities = IdentityResolver.overHttp(context.client(Services.plc(context, plc)));
            URI from = Optional.ofNullable(pds).or(() -> raw ? Optional.empty() : identities.pds(account))
                    .orElseGet(() -> Services.pds(context, null));
            byte[] car = context.client(from).queryBytes(Methods.GET_REPO, Map.of("did", account.value()), Optional.empty());
            if (raw) {
                write(car);
                context.out().println("wrote " + car.length + " bytes to " + output + " (not verified)");
                return 0;
            }
            RepoExportVerifier.VerifiedRepo verified = RepoExportVerifier.verify(car, account, identities.signingKey(account), CarLimits.DEFAULT);
            write(car);
            context.out().println("verified " + account.value() + " rev " + verified.commit().rev().value() + ": "
                    + verified.records() + " record(s), " + verified.blocks() + " block(s); wrote " + car.length
                    + " bytes to " + output);
            return 0;
        }

        private void write(byte[] car) {
            try {
                Path target = output.toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempFile(target.getParent(), ".export", ".car");
                Files.write(tmp, car);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
            }
        }
    }
}
