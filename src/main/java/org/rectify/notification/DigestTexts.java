package org.rectify.notification;

import java.util.Locale;

import org.rectify.dashboard.Dashboard;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words a weekly digest in one language. Unlike other notices its texts differ by more than their
 * wording (the units' names are data in two languages), so it is worded here, one line per fact, from
 * the {@code notice.WEEKLY_DIGEST.*} texts of {@code i18n/notices*}.
 */
@Component
class DigestTexts {

    private static final String KEY = "notice." + WeeklyDigests.KIND + ".";

    private final MessageSource messages;
    private final DigestSettings settings;

    DigestTexts(MessageSource messages, DigestSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    Notification.Texts of(Digest digest, Locale locale) {
        StringBuilder body = new StringBuilder(text(
                "body", locale, digest.from(), digest.to(), digest.registered(), digest.closed(), digest.overdue()));
        for (Dashboard.Ranking ranking : digest.lowest()) {
            String section = messages.getMessage("unitKind." + ranking.section(), null, ranking.section(), locale);
            body.append('\n')
                    .append(text("lowest", locale, section, ranking.units().size()));
            for (Dashboard.Ranked unit : ranking.units()) {
                body.append('\n')
                        .append(text(
                                "unit",
                                locale,
                                unit.rank(),
                                unit.line().name().name(locale),
                                unit.line().figures().closureRate()));
            }
        }
        if (digest.lowest().isEmpty()) {
            body.append('\n').append(text("unranked", locale));
        }
        body.append('\n').append(text("link", locale, settings.dashboardUrl()));
        return new Notification.Texts(text("title", locale, digest.from(), digest.to()), body.toString());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(KEY + key, args, locale);
    }
}
