package org.rectify.demo;

import java.time.Clock;

import org.rectify.inspection.InspectionRounds;
import org.rectify.issue.ProblemLifecycle;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgSetup;
import org.rectify.signoff.SignOffs;
import org.rectify.task.TaskBreakdown;
import org.rectify.task.TaskProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Seeds the demo county and its look-back round on an empty database (demo profile only). */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "rectify.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrgSetup setup;
    private final UserDetailsService users;
    private final InspectionRounds rounds;
    private final ProblemLifecycle lifecycle;
    private final TaskBreakdown breakdown;
    private final TaskProgress progress;
    private final SignOffs signOffs;
    private final OrgDirectory org;
    private final Clock clock;

    DemoData(OrgSetup setup, UserDetailsService users, InspectionRounds rounds, ProblemLifecycle lifecycle,
             TaskBreakdown breakdown, TaskProgress progress, SignOffs signOffs, OrgDirectory org, Clock clock) {
        this.setup = setup;
        this.users = users;
        this.rounds = rounds;
        this.lifecycle = lifecycle;
        this.breakdown = breakdown;
        this.progress = progress;
        this.signOffs = signOffs;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!setup.isEmpty()) {
            log.info("Demo data: the database already has an org tree; nothing seeded.");
            return;
        }
        long start = System.nanoTime();
        var units = new DemoOrganisation(setup).build();
        new DemoRound(new DemoUsers(users), units, rounds, lifecycle, breakdown, progress, signOffs, org, clock)
                .build();
        log.info("Demo data: {} units, one look-back round with {} problems, seeded in {} ms. Password of every "
                + "demo account: {}", units.size(), DemoRound.PROBLEMS, (System.nanoTime() - start) / 1_000_000,
                DemoOrganisation.PASSWORD);
    }
}
