package dev.skein.lexicon.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The final class generated for a Lexicon whose {@code main} is neither a record nor an object (a
 * {@code *.defs} Lexicon, an XRPC method, a token set): its NSID, its constants and its definitions' types.
 */
record HolderModel(GenRef self, Optional<String> description, List<ConstantModel> constants,
        List<TypeModel> nested) implements TypeModel {
    HolderModel {
        constants = new ArrayList<>(constants);
        nested = new ArrayList<>(nested);
    }
}
