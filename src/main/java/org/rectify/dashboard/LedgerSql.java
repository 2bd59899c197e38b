package org.rectify.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.rectify.common.Zones;
import org.rectify.deadline.ColourBounds;
import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;
import org.rectify.task.TaskStatus;

/** The SQL both ledgers share: the problem's columns, the colour conditions, the states that count as done. */
final class LedgerSql {

    /**
     * The problem's columns of a row: its state as at the ledger's moment from its span ({@code h}), the
     * rest from the problem ({@code p}) and its round ({@code r}).
     */
    static final String PROBLEM_COLUMNS = """
            p.id p_id, p.round_id, r.code r_code, r.name r_name, r.source_type, p.number, p.title, h.category_code,
            h.severity, h.status p_status, h.lead_unit_id, p.responsible_leader_id, p.unit_head_id,
            p.person_in_charge_id, h.deadline_type p_dtype, h.deadline_date p_ddate, h.closed_on, h.relapse_count""";

    /** Task states that count as signed off (销号): as {@link TaskStatus#isDone()}. */
    static final List<String> TASK_DONE = Stream.of(TaskStatus.values())
            .filter(TaskStatus::isDone)
            .map(Enum::name)
            .toList();
    /** Problem states without a colour: as {@link ProblemStatus#isClosed()}. */
    static final List<String> PROBLEM_CLOSED = Stream.of(ProblemStatus.values())
            .filter(ProblemStatus::isClosed)
            .map(Enum::name)
            .toList();

    private LedgerSql() {}

    /**
     * Deadlines of {@code alias} in the colour's ranges of {@link ColourBounds} (whether the item is
     * unfinished is the caller's part), its parameters put under names starting with {@code prefix}.
     */
    static String colour(
            String alias, DeadlineColour colour, ColourBounds bounds, String prefix, Map<String, Object> params) {
        List<String> ranges = new ArrayList<>();
        int i = 0;
        for (ColourBounds.Range range : bounds.of(colour)) {
            String name = prefix + i++;
            StringBuilder sql = new StringBuilder(
                    "(" + alias + ".deadline_type = :" + name + "t and " + alias + ".deadline_date is not null");
            params.put(name + "t", range.type().name());
            if (range.from() != null) {
                sql.append(" and ")
                        .append(alias)
                        .append(".deadline_date >= :")
                        .append(name)
                        .append("f");
                params.put(name + "f", range.from());
            }
            if (range.to() != null) {
                sql.append(" and ")
                        .append(alias)
                        .append(".deadline_date <= :")
                        .append(name)
                        .append("u");
                params.put(name + "u", range.to());
            }
            ranges.add(sql.append(")").toString());
        }
        return ranges.isEmpty() ? "1 = 0" : "(" + String.join(" or ", ranges) + ")";
    }

    /** The problem part of a row. */
    static ProblemRow problem(ResultSet rs) throws SQLException {
        return new ProblemRow(
                rs.getLong("p_id"),
                new RoundRef(rs.getLong("round_id"), rs.getString("r_code"), rs.getString("r_name")),
                rs.getString("source_type"),
                rs.getString("number"),
                rs.getString("title"),
                rs.getString("category_code"),
                Severity.valueOf(rs.getString("severity")),
                ProblemStatus.valueOf(rs.getString("p_status")),
                nullableLong(rs, "lead_unit_id"),
                nullableLong(rs, "responsible_leader_id"),
                nullableLong(rs, "unit_head_id"),
                nullableLong(rs, "person_in_charge_id"),
                deadlineType(rs, "p_dtype"),
                rs.getObject("p_ddate", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                rs.getInt("relapse_count"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static DeadlineType deadlineType(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : DeadlineType.valueOf(value);
    }

    /** An instant column (stored in UTC, see hibernate.jdbc.time_zone) as China's calendar date. */
    static LocalDate chinaDate(ResultSet rs, String column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null
                ? null
                : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(Zones.CHINA).toLocalDate();
    }

    /** A problem as the row query reads it: ids where the ledger shows names, resolved by {@link LedgerDetails}. */
    record ProblemRow(
            Long id,
            RoundRef round,
            String sourceType,
            String number,
            String title,
            String categoryCode,
            Severity severity,
            ProblemStatus status,
            Long leadUnitId,
            Long responsibleLeaderId,
            Long unitHeadId,
            Long personInChargeId,
            DeadlineType deadlineType,
            LocalDate deadlineDate,
            LocalDate closedOn,
            int relapseCount) {}
}
