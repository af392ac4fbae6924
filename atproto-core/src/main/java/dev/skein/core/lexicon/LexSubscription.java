package dev.skein.core.lexicon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code subscription} type: an event stream over WebSocket. Messages are a union of refs; at the top
 * level of a message the variant is given by the frame header, not by {@code $type}.
 */
public record LexSubscription(Optional<String> description, Optional<LexParams> parameters, Message message,
        List<LexMethodError> errors) implements LexPrimary {
    public LexSubscription {
        Objects.requireNonNull(message, "message");
        errors = List.copyOf(errors);
    }

    /** The schema of the stream's messages. */
    public record Message(Optional<String> description, LexUnion schema) {
        public Message {
            Objects.requireNonNull(schema, "schema");
        }
    }

    @Override
    public String type() {
        return "subscription";
    }
}
