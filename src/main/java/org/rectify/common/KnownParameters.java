package org.rectify.common;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Refuses a query parameter an endpoint does not know, naming it: a misspelt filter would otherwise be
 * ignored and the caller would take unfiltered figures for filtered ones. The known names are the
 * components of the endpoint's parameter record, plus any others it takes.
 */
public final class KnownParameters {

    private KnownParameters() {}

    public static void check(Set<String> given, Class<? extends Record> parameters, String... others) {
        Set<String> known = Stream.concat(
                        Arrays.stream(parameters.getRecordComponents()).map(RecordComponent::getName),
                        Arrays.stream(others))
                .collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new InvalidInputException(
                    first,
                    "rule.request.unknownParameter",
                    "unknown parameter " + first + "; known: " + new TreeSet<>(known),
                    first,
                    new TreeSet<>(known));
        }
    }
}
