package org.rectify.notification;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The weekly digest, from {@code rectify.digest.*}. How often a node looks whether it is due is the
 * schedule's ({@code rectify.digest.cron}, {@code rectify.digest.schedule}, in {@link DigestSchedule}).
 *
 * @param time         from when on its day the digest goes out, China time
 * @param dashboardUrl the address of the dashboard, which the digest links to
 */
@ConfigurationProperties("rectify.digest")
record DigestSettings(
        @DefaultValue("08:00") @DateTimeFormat(pattern = "H:mm")
        LocalTime time,

        @DefaultValue("http://localhost:8080/dashboard") String dashboardUrl) {}
