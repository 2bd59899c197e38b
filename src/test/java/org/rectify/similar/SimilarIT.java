package org.rectify.similar;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 举一反三 through the API: problems of other units like a problem, ranked with a score and a reason, the
 * problem's own units left out, only what the reader may see; a text not yet registered; bad input.
 */
class SimilarIT extends IntegrationTest {

    @Test
    void aProblemsLikesInOtherUnitsComeFirstWithTheirReasons() {
        Demo demo = new Demo(api);
        long round = demo.newRound("similar");
        long relief = registered(demo, round, "SIM-1", "mzj", "农村低保对象认定不精准", "经查，该局2019年将3户有车有房家庭纳入最低生活保障，低保对象识别把关不严。");
        long sameUnit = registered(demo, round, "SIM-2", "mzj", "低保对象认定不精准，有车户享受低保", "民政局审核不严，2户有车家庭仍享受低保金。");
        long alike =
                registered(demo, round, "SIM-3", "fpj", "低保对象识别不准确，有房有车人员享受低保", "抽查发现，部分拥有商品房和车辆的人员被纳入低保范围，识别不精准。");
        long unrelated = registered(demo, round, "SIM-4", "jtj", "农村公路硬化工程质量不达标", "经查，2条村级公路路面开裂，工程验收把关不严。");

        List<JsonNode> likes = similar("/api/problems/{id}/similar?limit=20", relief);
        List<Long> ids = likes.stream().map(l -> l.get("id").asLong()).toList();
        assertThat(ids).contains(alike).doesNotContain(relief, sameUnit);
        if (ids.contains(unrelated)) {
            assertThat(ids.indexOf(alike)).isLessThan(ids.indexOf(unrelated));
        }
        JsonNode first = likes.get(ids.indexOf(alike));
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(first.at("/reason/sharedTerms").size()).isPositive();
        assertThat(first.at("/reason/sharedTerms").toString()).containsAnyOf("低保", "识别");
        assertThat(likes).allSatisfy(l -> assertThat(l.get("score").asDouble()).isBetween(0.0, 1.0));

        // A text being typed: the registered problems like it, the same unit's included.
        List<Long> typed = similar("/api/similar?text={t}&limit=10", "有车有房人员享受最低生活保障").stream()
                .map(l -> l.get("id").asLong())
                .toList();
        assertThat(typed).contains(relief, sameUnit, alike);
    }

    @Test
    void onlyWhatTheReaderMaySee() {
        Demo demo = new Demo(api);
        long round = demo.newRound("similar-scope");
        long relief = registered(demo, round, "SCOPE-1", "mzj", "特困供养人员信息更新不及时", "部分已去世的特困供养人员仍在册领取供养金。");
        long edu = registered(demo, round, "SCOPE-2", "jyj", "特困供养人员信息核查不及时", "教育局配合核查特困供养人员信息滞后，仍有已故人员领取供养金。");
        // The education bureau's head sees its own problem only: the civil affairs one is not found at all.
        api.as("head.jyj").get("/api/problems/{id}/similar", relief).expect(404);
        List<Long> seen = similar(api.as("head.jyj"), "/api/problems/{id}/similar", edu).stream()
                .map(l -> l.get("id").asLong())
                .toList();
        assertThat(seen).doesNotContain(relief);
        List<Long> office = similar("/api/problems/{id}/similar", edu).stream()
                .map(l -> l.get("id").asLong())
                .toList();
        assertThat(office).contains(relief);
    }

    @Test
    void badInputIsRefused() {
        api.as("office").get("/api/similar?text=").expect(400);
        api.as("office").get("/api/similar").expect(400);
        api.as("office")
                .get("/api/similar?text={t}", "x".repeat(SimilarProblems.MAX_TEXT + 1))
                .expect(400);
        api.as("office").get("/api/similar?text=低保&limit=0").expect(400);
        api.as("office").get("/api/similar?text=低保&limit=51").expect(400);
        api.as("office").get("/api/problems/999999999/similar").expect(404);
    }

    private long registered(Demo demo, long round, String number, String unit, String title, String description) {
        return new Scenario(api, demo, unit).assigned(round, number, title, description);
    }

    private List<JsonNode> similar(String path, Object... args) {
        return similar(api.as("office"), path, args);
    }

    /** The answer, once the index built at start is ready (503 until then). */
    private static List<JsonNode> similar(ApiClient.As as, String path, Object... args) {
        for (int attempt = 0; ; attempt++) {
            var response = as.get(path, args);
            if (response.status() != 503 || attempt == 60) {
                List<JsonNode> out = new ArrayList<>();
                response.ok().json().forEach(out::add);
                return out;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
