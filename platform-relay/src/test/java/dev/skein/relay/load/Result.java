package dev.skein.relay.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The load generator's figures as {@code RESULT name value} lines at the end of its output, so that
 * {@code scripts/bench-relay.sh} can build its table without parsing the prose above them.
 */
final class Result {
    private final Map<String, Double> values = new LinkedHashMap<>();

    void put(String name, double value) {
        values.put(name, value);
    }

    void print() {
        System.out.println();
        values.forEach((k, v) -> System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f", k, v)));
    }
}
