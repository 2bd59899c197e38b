package org.rectify.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's text search through the bigram index finds exactly what a scan of every title and number with
 * the same LIKE finds: for texts of one, two and many characters, Chinese, Latin in either case, numbers,
 * texts found nowhere; and a problem is found as soon as it is registered. The office's counts of two-character
 * texts come from the index alone, the others from the matches: both are compared with the scan's.
 */
class ProblemTextSearchIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProblemRepository problems;

    @Test
    void theIndexFindsWhatAScanFinds() {
        long round = new Demo(api).newRound("search");
        long fresh = api.as("office")
                .post(
                        "/api/problems",
                        Map.of(
                                "roundId",
                                round,
                                "number",
                                "QX-Case-7",
                                "title",
                                "村级危旧房改造资金Audit台账不清",
                                "description",
                                "x"))
                .expect(201)
                .id();

        List<String> texts = new ArrayList<>(List.of(
                "危",
                "危房",
                "危旧房",
                "危旧房改造资金",
                "改造资金audit",
                "AUDIT台账",
                "台账不清",
                "qx-case",
                "QX-Case-7",
                "Case-7",
                "7",
                "问题",
                "资金",
                "扶贫资金",
                "低保",
                "没有这样的问题",
                "房改",
                " 危旧房 "));
        // Every distinct two-character start of the demo's titles, so that each gram of theirs is looked for.
        texts.addAll(jdbc.queryForList("select distinct substring(title, 1, 3) from problem", String.class));
        int found = 0;
        for (String text : texts.stream().distinct().toList()) {
            List<Long> scanned = jdbc.queryForList(
                    "select id from problem where region_path like concat("
                            + "(select path from org_unit where code = 'county'), '%') and (title like ? or number like ?)"
                            + " order by id",
                    Long.class, "%" + text.strip() + "%", "%" + text.strip() + "%");
            JsonNode page = api.as("office")
                    .get("/api/problems?q={q}&size=2000&sort=id,asc", text)
                    .ok()
                    .json();
            List<Long> listed = new ArrayList<>();
            page.get("content").forEach(p -> listed.add(p.get("id").asLong()));
            assertThat(listed).as("q=" + text).isEqualTo(scanned);
            assertThat(page.at("/page/totalElements").asLong())
                    .as("q=" + text + ", counted")
                    .isEqualTo(scanned.size());
            found += scanned.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("texts found somewhere").isGreaterThan(10);
        assertThat(api.as("office")
                        .get("/api/problems?q={q}", "危旧房改造资金Audit")
                        .ok()
                        .json()
                        .at("/content/0/id")
                        .asLong())
                .isEqualTo(fresh);
    }

    @Test
    void bothWaysOfWritingTheTextsPairsSelectTheSameProblems() {
        int compared = 0;
        for (String text : List.of("问题", "资金", "危房", "整改不到位", "a", "没有这样的问题")) {
            ProblemFilter byText = new ProblemFilter(null, null, null, null, null, text);
            for (org.springframework.data.domain.Sort sort : List.of(
                    org.springframework.data.domain.Sort.by("number", "id"),
                    org.springframework.data.domain.Sort.by("id"))) {
                List<Long> joined =
                        problems.findAll(ProblemSpecs.matching(byText, ProblemSpecs.UnitMatch.JOINED), sort).stream()
                                .map(Problem::getId)
                                .toList();
                assertThat(
                                problems
                                        .findAll(
                                                ProblemSpecs.matching(byText, ProblemSpecs.UnitMatch.PER_PROBLEM), sort)
                                        .stream()
                                        .map(Problem::getId)
                                        .toList())
                        .as(text)
                        .isEqualTo(joined);
                compared += joined.isEmpty() ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(3);
    }

    /** A pair per two adjacent characters; a title and a number of one character each have none. */
    @Test
    void everyProblemHasTheGramsOfItsTitleAndNumber() {
        assertThat(jdbc.queryForObject("select count(*) from problem_gram", Long.class))
                .isEqualTo(jdbc.queryForObject(
                        "select sum(case when char_length(title) > 1 then char_length(title) - 1 else 0 end)"
                                + " + sum(case when char_length(number) > 1 then char_length(number) - 1 else 0 end)"
                                + " from problem",
                        Long.class));
        assertThat(jdbc.queryForList(
                        "select concat(number, ' ', title) from problem p where not exists"
                                + " (select 1 from problem_gram g where g.problem_id = p.id)"
                                + " and (char_length(title) > 1 or char_length(number) > 1)",
                        String.class))
                .isEmpty();
        // Each carries its problem's region, from which a two-character search is counted.
        assertThat(jdbc.queryForObject(
                        "select count(*) from problem_gram g join problem p on p.id = g.problem_id"
                                + " where g.region_path is null or g.region_path <> p.region_path",
                        Long.class))
                .isZero();
    }
}
