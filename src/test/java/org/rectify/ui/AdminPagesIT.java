package org.rectify.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's pages: the org tree, accounts and roles, the working-day calendar and the
 * reference lists, each action through the same services as the API; other roles get the 403 page.
 * Calendar changes stay in 2035, far from every deadline the other tests compute.
 */
class AdminPagesIT extends BrowserTest {

    static final String SUFFIX = Long.toString(ProcessHandle.current().pid(), 36);

    @Test
    void adminCreatesAUnitAndAnAccountThatSignsInThenChangesItsRolesAndDisablesIt() {
        Demo demo = new Demo(api);
        long township = demo.unit("byx");
        String code = "it-v-" + SUFFIX;
        browser.signIn("admin").open("/admin/org").screenshot("admin-org");
        assertThat(browser.mainText()).contains("组织机构", "示范县", "县扶贫开发局", "白云乡", "白云村");

        browser.choose("unit-parent", Long.toString(township))
                .type("unit-code", code)
                .type("unit-name-zh", "测试村")
                .type("unit-name-en", "Test Village")
                .choose("unit-kind", "VILLAGE")
                .press("create-unit");
        assertThat(browser.mainText()).contains("已新增单位 " + code, "测试村");
        long unit = unitId(code);

        openDetails("rename-" + unit);
        browser.type("rename-zh-" + unit, "测试新村").press("rename-" + unit);
        assertThat(browser.mainText()).contains("已更名为测试新村");

        String username = "it.user." + SUFFIX;
        browser.open("/admin/users")
                .type("new-username", username)
                .type("new-display-name", "测试经办人")
                .choose("new-unit", Long.toString(unit))
                .type("new-email", "it@demo.rectify.local")
                .type("new-password", "demo1234");
        click("new-role-UNIT_STAFF");
        browser.press("create-user");
        assertThat(browser.mainText()).contains("已新增账号 " + username, "测试经办人", "单位经办人");

        browser.signIn(username).open("/");
        assertThat(browser.mainText()).contains("我的待办");
        assertThat(browser.text()).contains("测试经办人");

        long user = new Demo(api).user(username);
        browser.signIn("admin").open("/admin/users").screenshot("admin-users");
        browser.open("/admin/users?unitId=" + unit);
        openDetails("save-roles-" + user);
        click("roles-" + user + "-UNIT_HEAD");
        browser.press("save-roles-" + user);
        assertThat(browser.mainText()).contains("的角色已修改");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#user-" + user + " .user-roles"))
                        .getText())
                .contains("单位负责人", "单位经办人");
        assertThat(api.as(username).get("/api/me").ok().json().get("roles").toString())
                .contains("UNIT_HEAD", "UNIT_STAFF");

        browser.press("disable-" + user);
        assertThat(browser.mainText()).contains(username + " 已停用");
        assertThat(browser.driver().findElement(By.id("user-" + user)).getText())
                .contains("停用");
        browser.signOut()
                .open("/login")
                .type("username", username)
                .type("password", "demo1234")
                .press("sign-in");
        assertThat(browser.mainText()).contains("用户名或密码错误");
    }

    @Test
    void theCalendarShowsAYearAndRefusesAClashNamingIt() throws IOException {
        browser.signIn("admin").open("/admin/calendar?year=2026").screenshot("admin-calendar");
        assertThat(browser.mainText()).contains("2026 年工作日历", "国庆节", "2026年10月");
        assertThat(browser.driver().findElements(By.cssSelector("#calendar-grid table")))
                .hasSize(12);

        LocalDate holiday = LocalDate.of(2035, 10, 1);
        browser.open("/admin/calendar?year=2035");
        saveDay(holiday, "HOLIDAY", "国庆节", "National Day");
        assertThat(browser.mainText()).contains(holiday + " 已保存");
        assertThat(browser.field("day-" + holiday).getText()).contains("国庆节", "法定节假日");

        LocalDate weekday = LocalDate.of(2035, 10, 3);
        assertThat(weekday.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        saveDay(weekday, "WORKDAY", "调休", "Make-up day");
        assertThat(browser.error()).contains(weekday.toString(), "星期三", "星期六或星期日");
        assertThat(browser.driver().findElements(By.id("day-" + weekday))).isEmpty();

        LocalDate saturday = LocalDate.of(2035, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY));
        importFile(
                "date,kind,name_zh,name_en\n" + holiday.plusDays(1) + ",HOLIDAY,国庆节,National Day\n" + saturday
                        + ",WORKDAY,国庆节,National Day\n",
                false);
        assertThat(browser.mainText()).contains("导入完成：新增 2 天，修改 0 天，未变 0 天");
        assertThat(browser.field("day-" + saturday).getText()).contains("调休上班日");

        importFile("date,kind,name_zh,name_en\n" + saturday + ",HOLIDAY,国庆节,National Day\n", false);
        assertThat(browser.error()).contains(saturday.toString(), "调休上班日", "法定节假日");

        browser.press("remove-" + holiday.plusDays(1));
        assertThat(browser.mainText()).contains(holiday.plusDays(1) + " 已删除");
        assertThat(browser.driver().findElements(By.id("day-" + holiday.plusDays(1))))
                .isEmpty();
    }

    @Test
    void adminAddsAProblemCategoryAndRenamesASourceType() {
        String code = "IT_" + SUFFIX.toUpperCase();
        browser.signIn("admin").open("/admin/reference").screenshot("admin-reference");
        assertThat(browser.mainText()).contains("问题来源", "问题类别", "资金管理");
        browser.type("category-new-code", code)
                .type("category-new-zh", "食品安全")
                .type("category-new-en", "Food safety")
                .press("add-category");
        assertThat(browser.mainText()).contains(code + " 已保存");
        assertThat(browser.field("category-" + code).getText()).contains("食品安全", "Food safety", "启用");
        assertThat(api.as("office").get("/api/reference/categories").ok().items())
                .anyMatch(c -> c.get("code").asText().equals(code));

        openDetails("save-category-" + code);
        click("category-" + code + "-active");
        browser.press("save-category-" + code);
        assertThat(browser.error()).isEmpty();
        assertThat(browser.field("category-" + code).getText()).contains("停用");
    }

    @Test
    void otherRolesGetTheForbiddenPage() {
        browser.signIn("office");
        for (String page : new String[] {"/admin/org", "/admin/users", "/admin/calendar", "/admin/reference"}) {
            browser.open(page);
            assertThat(browser.mainText()).as(page).contains("无权操作").doesNotContain("组织机构", "Exception");
        }
        browser.signIn("head.fpj").open("/admin/org");
        assertThat(browser.mainText()).contains("无权操作");
    }

    private void saveDay(LocalDate date, String kind, String nameZh, String nameEn) {
        // A date input takes typed keys in the browser's own format; set its value as a picker would.
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.field("day-date"), date.toString());
        browser.choose("day-kind", kind)
                .type("day-name-zh", nameZh)
                .type("day-name-en", nameEn)
                .press("save-day");
    }

    private void importFile(String csv, boolean replace) throws IOException {
        Path file = Files.createTempFile("calendar", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        browser.attach("import-file", file);
        click(replace ? "import-replace" : "import-merge");
        browser.press("import-calendar");
    }

    /** Opens the collapsed section (details) that holds this control. */
    private void openDetails(String controlId) {
        click(browser.driver().findElement(By.xpath("//*[@id='" + controlId + "']/ancestor::details/summary")));
    }

    private void click(String id) {
        click(browser.field(id));
    }

    private void click(WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private long unitId(String code) {
        for (JsonNode u : api.as("admin").get("/api/org/units").ok().items()) {
            if (u.get("code").asText().equals(code)) {
                return u.get("id").asLong();
            }
        }
        throw new AssertionError("no unit " + code);
    }
}
