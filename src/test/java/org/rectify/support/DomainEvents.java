package org.rectify.support;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.test.util.ReflectionTestUtils;

/** The events an entity registered and has not yet published, for plain unit tests without Spring. */
public final class DomainEvents {

    private DomainEvents() {}

    public static List<Object> of(AbstractAggregateRoot<?> entity) {
        Collection<Object> events = ReflectionTestUtils.invokeMethod(entity, "domainEvents");
        return List.copyOf(events);
    }

    /** The last event registered, as the type the test expects. */
    public static <E> E last(AbstractAggregateRoot<?> entity, Class<E> type) {
        List<Object> events = of(entity);
        return type.cast(events.get(events.size() - 1));
    }
}
