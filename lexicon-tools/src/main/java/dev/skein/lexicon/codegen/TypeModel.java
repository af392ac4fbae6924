package dev.skein.lexicon.codegen;

import java.util.List;

/** A type the generator writes: a record for an object, a sealed interface for a union, or a holder class. */
sealed interface TypeModel permits ObjectModel, UnionModel, HolderModel {

    /** The generated type itself. */
    GenRef self();

    /** The types nested in it. */
    List<TypeModel> nested();
}
