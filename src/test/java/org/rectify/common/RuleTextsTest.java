package org.rectify.common;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal reads in the page's language when it has a code, and as thrown when it has none. */
class RuleTextsTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final RuleTexts texts = new RuleTexts(bundles());

    @Test
    void aCodeReadsInChineseWithItsArguments() {
        var e = new InvalidInputException(
                "deadlineDate",
                "rule.deadline.notWorkingDay",
                "the deadline 2030-10-05 is not a working day; the next one is 2030-10-08",
                LocalDate.of(2030, 10, 5),
                LocalDate.of(2030, 10, 8));

        assertThat(texts.text(e, CHINESE)).isEqualTo("截止日期 2030-10-05 不是工作日，下一个工作日是 2030-10-08");
        assertThat(e.getMessage())
                .isEqualTo("the deadline 2030-10-05 is not a working day; the next one is 2030-10-08");
    }

    @Test
    void statusesReadAsTheirLabels() {
        var e = new ConflictException(
                "rule.problem.wrongStatus",
                "problem P-1 is REGISTERED; ...",
                "P-1",
                Label.of("problemStatus.", "REGISTERED"),
                Label.all("problemStatus.", "PLANNING", "IN_PROGRESS"));

        assertThat(texts.text(e, CHINESE)).isEqualTo("问题 P-1 当前为“已登记”，此操作须在“制定方案中、整改中”状态下办理");
        assertThat(texts.text(e, Locale.ENGLISH))
                .isEqualTo("problem P-1 is Registered; this action needs it to be Planning, In rectification");
    }

    @Test
    void weekdaysAndNumbersReadForTheLanguage() {
        var e = new InvalidInputException(
                "file",
                "rule.calendar.listedTwice",
                "...",
                LocalDate.of(2035, 10, 3),
                1200,
                Label.of("admin.calendar.key.", "HOLIDAY"),
                1203,
                Label.of("admin.calendar.key.", "WORKDAY"));
        var weekday = new InvalidInputException(
                "file",
                "rule.calendar.makeUpOnWeekday",
                "...",
                LocalDate.of(2035, 10, 3),
                LocalDate.of(2035, 10, 3).getDayOfWeek());

        assertThat(texts.text(e, CHINESE)).isEqualTo("2035-10-03 在第 1200 行登记为法定节假日，在第 1203 行又登记为调休上班日");
        assertThat(texts.text(weekday, CHINESE)).startsWith("2035-10-03 是星期三，");
    }

    @Test
    void withoutACodeTheMessageStandsAsThrown() {
        assertThat(texts.text(new ConflictException("somebody's change came first"), CHINESE))
                .isEqualTo("somebody's change came first");
        assertThat(texts.text(new ConflictException("rule.no.such.code", "as thrown"), CHINESE))
                .isEqualTo("as thrown");
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/rules", "i18n/ui", "i18n/ui-admin");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
