package org.rectify.deadline;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The official calendar as data: seeded, read by all, maintained and imported by ADMIN. */
class CalendarIT extends IntegrationTest {

    @Test
    void theOfficialScheduleIsSeededAndDrivesWorkingDayArithmetic() {
        assertThat(api.as("staff.fpj").get("/api/calendar?year=2026").ok().items())
                .hasSize(39);
        Response r = api.as("staff.fpj")
                .get("/api/calendar/working-days?from=2026-09-30&days=1")
                .ok();
        assertThat(r.text("date")).isEqualTo("2026-10-08");
    }

    @Test
    void aMakeUpWorkingDayMustFallOnAWeekend() {
        Response r = api.as("admin")
                .put("/api/calendar/{d}", Map.of("kind", "WORKDAY", "nameZh", "调休", "nameEn", "Make-up"), "2027-03-03")
                .expect(400);
        assertThat(r.text("detail")).contains("WEDNESDAY");
        api.as("office")
                .put("/api/calendar/{d}", Map.of("kind", "HOLIDAY", "nameZh", "x", "nameEn", "x"), "2027-03-03")
                .expect(403);
    }

    @Test
    void aNewYearIsImportedAndAClashIsRefusedNamingIt() {
        String year =
                "date,kind,name_zh,name_en\n2030-01-01,HOLIDAY,元旦,New Year\n2030-02-02,WORKDAY,春节,Spring Festival\n";
        Response imported = importFile(year, false).ok();
        assertThat(imported.json().get("added").asInt()).isEqualTo(2);
        assertThat(importFile(year, false).ok().json().get("unchanged").asInt()).isEqualTo(2);

        Response clash = importFile("date,kind,name_zh,name_en\n2030-02-02,HOLIDAY,春节,Spring Festival\n", false)
                .expect(409);
        assertThat(clash.text("detail")).contains("2030-02-02").contains("WORKDAY");
        Response twice = importFile(
                        "date,kind,name_zh,name_en\n2031-01-01,HOLIDAY,元旦,New Year\n"
                                + "2031-01-01,WORKDAY,元旦,New Year\n",
                        false)
                .expect(400);
        assertThat(twice.text("detail")).contains("line 2").contains("line 3");
        assertThat(api.as("admin").get("/api/calendar?year=2031").ok().items()).isEmpty();
        assertThat(api.as("admin")
                        .get("/api/calendar/working-days?from=2030-01-31&days=2")
                        .ok()
                        .text("date"))
                .isEqualTo("2030-02-02");
    }

    private Response importFile(String content, boolean replace) {
        return api.as("admin")
                .multipart(
                        "/api/calendar/import?replace={r}",
                        "file",
                        Map.of(),
                        List.of(FileBody.text("calendar.csv", content)),
                        replace);
    }
}
