package dev.skein.lexicon.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Java record for a Lexicon object: an {@code object} definition, the object of a {@code record} definition,
 * or an object written inline in a property.
 *
 * @param typeTag the {@code $type} naming the definition ({@code nsid} or {@code nsid#name}); empty for an
 *     inline object
 * @param record whether this is a record type (its {@code $type} is always written)
 */
record ObjectModel(GenRef self, Optional<String> typeTag, boolean record, Optional<String> description,
        List<FieldModel> fields, List<ConstantModel> constants, List<TypeModel> nested) implements TypeModel {
    ObjectModel {
        fields = new ArrayList<>(fields);
        constants = new ArrayList<>(constants);
        nested = new ArrayList<>(nested);
    }
}
