package dev.skein.plc;

import dev.skein.core.identity.PlcLogEntry;
import dev.skein.core.identity.PlcState;
import dev.skein.core.syntax.Did;

/** What the directory knows of a DID: nothing, that it was deactivated, or its current state. */
public sealed interface DidState {
    Did did();

    /** No operation was ever accepted for the DID. */
    record Unknown(Did did) implements DidState {}

    /** The DID's newest active operation is a tombstone. */
    record Deactivated(Did did, PlcLogEntry tombstone) implements DidState {}

    /** The DID's state after its newest active operation {@code last}. */
    record Active(PlcState state, PlcLogEntry last) implements DidState {
        @Override
        public Did did() {
            return state.did();
        }
    }
}
