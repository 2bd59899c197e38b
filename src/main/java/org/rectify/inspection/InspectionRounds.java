package org.rectify.inspection;

import java.time.Clock;
import java.util.List;

import org.rectify.common.ConflictException;
import org.rectify.common.LookupCache;
import org.rectify.common.NotFoundException;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Inspection rounds: the office registers them; everyone in the region can list them. */
@Service
@Transactional
public class InspectionRounds {

    private final InspectionRoundRepository rounds;
    private final ReferenceData referenceData;
    private final CurrentActor current;
    private final Clock clock;
    /** Rounds never change once registered, so a cached one is never stale. */
    private final LookupCache<Long, RoundView> roundCache = LookupCache.forMinutes(30);

    InspectionRounds(InspectionRoundRepository rounds, ReferenceData referenceData, CurrentActor current, Clock clock) {
        this.rounds = rounds;
        this.referenceData = referenceData;
        this.current = current;
        this.clock = clock;
    }

    public RoundView register(NewRound cmd) {
        Actor office = current.get();
        office.require(Role.OFFICE);
        referenceData.requireActiveSource(cmd.sourceType());
        if (rounds.existsByRegionIdAndCode(office.regionId(), cmd.code())) {
            throw new ConflictException(
                    "rule.round.codeTaken", "a round with code " + cmd.code() + " exists in this region", cmd.code());
        }
        return rounds.save(new InspectionRound(
                        office.regionId(), office.regionPath(), cmd, clock.instant(), office.username()))
                .view();
    }

    /** The caller's region's round of this code, if there is one. */
    @Transactional(readOnly = true)
    public java.util.Optional<RoundView> findByCode(String code) {
        return rounds.findByRegionIdAndCode(current.get().regionId(), code).map(InspectionRound::view);
    }

    @Transactional(readOnly = true)
    public List<RoundView> list() {
        return rounds.findInRegion(current.get().regionPath()).stream()
                .map(InspectionRound::view)
                .toList();
    }

    /** A round of the caller's region, or 404; from this node's cache without a transaction when it is there. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public RoundView get(Long id) {
        String region = current.get().regionPath();
        return roundCache
                .get(id, key -> rounds.findById(key).map(InspectionRound::view))
                .filter(r -> r.regionPath().startsWith(region))
                .orElseThrow(() -> new NotFoundException("round", id));
    }
}
