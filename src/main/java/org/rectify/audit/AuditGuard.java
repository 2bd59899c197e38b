package org.rectify.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Every transaction that changes an entity commits with an audit record, whatever called it (a page, the API,
 * a timer, the import, the admin pages): Hibernate tells the guard of every entity inserted, updated or deleted
 * (but those marked {@link Unaudited}), the trail tells it of every record, and when the transaction has
 * committed the guard checks that a transaction with changes wrote at least one. One that did not is logged as
 * an error and counted ({@code rectify.audit.unaudited.transactions}); with {@code rectify.audit.guard=fail}
 * (the tests) it is also thrown, so that the caller's test fails. A transaction that rolls back writes neither.
 * <p>
 * Transactions of their own inside another (REQUIRES_NEW) are tallied apart: a stack per thread.
 */
@Configuration(proxyBeanMethods = false)
public class AuditGuard implements TransactionExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AuditGuard.class);
    private static final ThreadLocal<Deque<Tally>> TALLIES = ThreadLocal.withInitial(ArrayDeque::new);

    private final Counter unaudited;
    private final boolean fail;

    AuditGuard(MeterRegistry registry, @Value("${rectify.audit.guard:log}") String mode) {
        this.unaudited = Counter.builder("rectify.audit.unaudited.transactions")
                .description("Transactions that changed entities and committed without an audit record")
                .register(registry);
        this.fail = "fail".equals(mode);
    }

    /** A transaction's changed entity types and its audit records. */
    private static final class Tally {
        final Set<String> changed = new TreeSet<>();
        int audited;
    }

    /** Hands Hibernate the interceptor that tells the guard of every entity change. */
    @Bean
    static HibernatePropertiesCustomizer auditGuardInterceptor() {
        return properties -> properties.put("hibernate.session_factory.interceptor", new Changes());
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure == null) {
            TALLIES.get().push(new Tally());
        }
    }

    /** The trail wrote a record in the current transaction. */
    static void audited() {
        Tally tally = TALLIES.get().peek();
        if (tally != null) {
            tally.audited++;
        }
    }

    static void changed(Object entity) {
        Tally tally = TALLIES.get().peek();
        if (tally != null && !entity.getClass().isAnnotationPresent(Unaudited.class)) {
            tally.changed.add(entity.getClass().getSimpleName());
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        Tally tally = TALLIES.get().poll();
        if (tally == null || commitFailure != null || tally.changed.isEmpty() || tally.audited > 0) {
            return;
        }
        unaudited.increment();
        String message = "a transaction changed " + tally.changed + " and committed without an audit record";
        log.error("Audit guard: {}", message);
        if (fail) {
            throw new IllegalStateException("Audit guard: " + message);
        }
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
        TALLIES.get().poll();
    }

    /** Hibernate's side: every entity persisted, flushed dirty or removed. */
    static final class Changes implements Interceptor {

        @Override
        public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
            changed(entity);
            return false;
        }

        @Override
        public boolean onFlushDirty(
                Object entity,
                Object id,
                Object[] currentState,
                Object[] previousState,
                String[] propertyNames,
                Type[] types) {
            changed(entity);
            return false;
        }

        @Override
        public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
            changed(entity);
        }
    }
}
