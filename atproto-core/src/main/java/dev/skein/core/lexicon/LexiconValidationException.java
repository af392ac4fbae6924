package dev.skein.core.lexicon;

import java.util.List;

/**
 * A value failed Lexicon validation. The message is the first error's; {@link #errors()} has them all. Data
 * that fails is invalid as a whole: nothing should be repaired or partly used.
 */
public final class LexiconValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<ValidationError> errors;

    public LexiconValidationException(List<ValidationError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }

    public ValidationError first() {
        return errors.getFirst();
    }

    private static String message(List<ValidationError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one error");
        }
        String first = errors.getFirst().message();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
