package org.rectify.demo;

import org.rectify.org.OrgSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Seeds the demo county and its look-back round on an empty database (demo profile only). */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "rectify.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrgSetup setup;
    private final DemoRound round;

    DemoData(OrgSetup setup, DemoRound round) {
        this.setup = setup;
        this.round = round;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!setup.isEmpty()) {
            log.info("Demo data: the database already has an org tree; nothing seeded.");
            return;
        }
        long start = System.nanoTime();
        var units = new DemoOrganisation(setup).build();
        round.build(units);
        log.info(
                "Demo data: {} units, one look-back round with {} problems, seeded in {} ms. Password of every "
                        + "demo account: {}",
                units.size(),
                DemoRound.PROBLEMS,
                (System.nanoTime() - start) / 1_000_000,
                DemoOrganisation.PASSWORD);
    }
}
