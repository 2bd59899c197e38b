package org.rectify.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The application's NamedParameterJdbcTemplate, timing each statement the dashboard reads with (its two
 * kinds of call) while {@link #recording} is on, so that a benchmark can say where a request's time went
 * and EXPLAIN the very statements that ran. Statements of every thread are recorded (a live dashboard runs
 * its statements on a pool of its own), so only one call may be recorded at a time.
 */
final class RecordedStatements {

    /** One statement as it ran: its SQL, its parameters, its time. */
    record Statement(String sql, Map<String, Object> params, long nanos) {}

    private static volatile List<Statement> recording;

    private RecordedStatements() {}

    /** Starts recording the statements of every thread; {@link #stop()} hands them over. */
    static void recording() {
        recording = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    static List<Statement> stop() {
        List<Statement> all = recording;
        recording = null;
        return all == null ? List.of() : List.copyOf(all);
    }

    private static void record(String sql, SqlParameterSource params, long start) {
        List<Statement> all = recording;
        if (all != null) {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            for (String name : params.getParameterNames() == null ? new String[0] : params.getParameterNames()) {
                values.put(name, params.getValue(name));
            }
            all.add(new Statement(sql, values, System.nanoTime() - start));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        NamedParameterJdbcTemplate recordingJdbc(DataSource dataSource) {
            return new NamedParameterJdbcTemplate(dataSource) {

                @Override
                public void query(String sql, SqlParameterSource params, RowCallbackHandler rch) {
                    long start = System.nanoTime();
                    super.query(sql, params, rch);
                    record(sql, params, start);
                }

                @Override
                public <T> T queryForObject(String sql, SqlParameterSource params, RowMapper<T> rowMapper) {
                    long start = System.nanoTime();
                    T result = super.queryForObject(sql, params, rowMapper);
                    record(sql, params, start);
                    return result;
                }
            };
        }
    }
}
