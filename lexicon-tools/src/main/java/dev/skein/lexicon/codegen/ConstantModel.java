package dev.skein.lexicon.codegen;

import java.util.Optional;

/**
 * A {@code String} constant: a known or enumerated value of a string, or a token.
 *
 * @param group what the constant belongs to, e.g. "Known values of state (an open set)", shown once before a
 *     run of constants of the same group
 */
record ConstantModel(String name, String value, String group, Optional<String> description) {}
