package org.rectify.dashboard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a dashboard's independent read statements at once, each on a pooled connection of its own and
 * without a transaction (they only read, and each statement reads committed rows anyway): a county's
 * live dashboard is six statements of 2-40 ms each, which a database with several cores answers side by
 * side. The caller builds every statement (scope, filters, parameters) in its own thread first, so that
 * the statements need neither the caller's security context nor its transaction, and holds no connection
 * while it waits, so the pool cannot run dry between callers and their statements.
 * {@code rectify.dashboard.parallel-queries} threads per node (0: each statement runs in the caller).
 */
@Component
class FigureQueries implements DisposableBean {

    private final ExecutorService pool;

    FigureQueries(@Value("${rectify.dashboard.parallel-queries:4}") int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = threads <= 0
                ? null
                : Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "figure-query-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The statement started (or, without threads, run); {@link #get} waits for its result. */
    <T> CompletableFuture<T> submit(Supplier<T> statement) {
        return pool == null
                ? CompletableFuture.completedFuture(statement.get())
                : CompletableFuture.supplyAsync(statement, pool);
    }

    /** The result, or the statement's own exception (a {@code DataAccessException}, say) rethrown. */
    static <T> T get(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
