package dev.skein.app;

import java.util.Optional;

/**
 * One web context this process runs: a {@link Role}, and for a named PDS ({@code skein.pds-instances.<name>})
 * which one.
 *
 * @param role the role
 * @param pdsInstance the named PDS, or {@code null} for the role's single unnamed instance
 */
public record RoleInstance(Role role, PdsInstance pdsInstance) {

    static RoleInstance of(Role role) {
        return new RoleInstance(role, null);
    }

    static RoleInstance named(PdsInstance pds) {
        return new RoleInstance(Role.PDS, pds);
    }

    /** The instance's name, empty for an unnamed one. */
    public Optional<String> name() {
        return pds().map(PdsInstance::name);
    }

    Optional<PdsInstance> pds() {
        return Optional.ofNullable(pdsInstance);
    }

    /** Its folder under the data directory, and its name in the process: {@code pds} or {@code pds-alpha}. */
    String folder() {
        return pds().map(PdsInstance::folder).orElse(role.id());
    }

    /** How output names it: {@code pds}, or {@code pds alpha}. */
    String label() {
        return role.id() + name().map(n -> " " + n).orElse("");
    }
}
