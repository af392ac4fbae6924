package dev.skein.core.lexicon;

import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.Tid;

/**
 * The {@code key} of a record definition: which record keys a collection allows.
 *
 * <p>Spec: <a href="https://atproto.com/specs/record-key#record-key-types">record key types</a>.
 */
public sealed interface RecordKeyType permits RecordKeyType.Kind, RecordKeyType.Literal {

    /** The general key types. */
    enum Kind implements RecordKeyType {
        /** A TID, the usual choice for records a user creates many of. */
        TID("tid"),
        /** An NSID. */
        NSID("nsid"),
        /** Any syntactically valid record key. */
        ANY("any");

        private final String specName;

        Kind(String specName) {
            this.specName = specName;
        }

        @Override
        public boolean accepts(RecordKey rkey) {
            return switch (this) {
                case TID -> parses(() -> Tid.parse(rkey.value()));
                case NSID -> parses(() -> Nsid.parse(rkey.value()));
                case ANY -> true;
            };
        }

        @Override
        public String toString() {
            return specName;
        }

        private static boolean parses(Runnable parse) {
            try {
                parse.run();
                return true;
            } catch (InvalidSyntaxException e) {
                return false;
            }
        }
    }

    /** Exactly one key, e.g. {@code literal:self} for a profile. */
    record Literal(RecordKey value) implements RecordKeyType {
        @Override
        public boolean accepts(RecordKey rkey) {
            return value.equals(rkey);
        }

        @Override
        public String toString() {
            return "literal:" + value;
        }
    }

    /** Whether {@code rkey} is allowed for records of this type. */
    boolean accepts(RecordKey rkey);

    /**
     * Parses {@code tid}, {@code nsid}, {@code any} or {@code literal:<record key>}.
     *
     * @throws IllegalArgumentException when {@code spec} is none of them
     */
    static RecordKeyType parse(String spec) {
        for (Kind k : Kind.values()) {
            if (k.specName.equals(spec)) {
                return k;
            }
        }
        if (spec.startsWith("literal:")) {
            return new Literal(RecordKey.parse(spec.substring("literal:".length())));
        }
        throw new IllegalArgumentException("record key type must be tid, nsid, any or literal:<key>, not " + spec);
    }
}
