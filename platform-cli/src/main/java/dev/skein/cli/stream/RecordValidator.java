package dev.skein.cli.stream;

import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconException;
import dev.skein.core.lexicon.LexiconValidator;
import dev.skein.core.lexicon.ValidationError;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.util.List;

/**
 * Validates records read from a stream with the validator the PDS uses on write: atproto-core's
 * {@link LexiconValidator} over the lexicons bundled from the repository's {@code lexicons/} folder (the same
 * {@code lexicons/index.txt} resource the PDS loads). The record key is checked too.
 */
public final class RecordValidator {
    /** The bundled catalog's index resource, as the PDS names it. */
    public static final String LEXICON_INDEX = "lexicons/index.txt";

    private final LexiconValidator validator;

    public RecordValidator(LexiconCatalog catalog) {
        this.validator = new LexiconValidator(catalog);
    }

    /** A validator over the bundled lexicons. */
    public static RecordValidator bundled() {
        return new RecordValidator(LexiconCatalog.fromResourceIndex(RecordValidator.class.getClassLoader(), LEXICON_INDEX));
    }

    public Validation validate(Nsid collection, RecordKey rkey, MapValue record) {
        if (validator.catalog().document(collection).isEmpty()) {
            return Validation.UNKNOWN;
        }
        List<ValidationError> errors;
        try {
            errors = validator.validateRecord(collection, rkey, record);
        } catch (LexiconException e) {
            return Validation.invalid(List.of(e.getMessage()));
        }
        return errors.isEmpty() ? Validation.VALID : Validation.invalid(errors.stream().map(ValidationError::toString).toList());
    }
}
