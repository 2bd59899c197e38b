package org.rectify.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InspectionRoundRepository extends JpaRepository<InspectionRound, Long> {

    @Query(
            "select r from InspectionRound r where r.regionPath like concat(:prefix, '%') order by r.feedbackReceivedOn desc, r.id desc")
    List<InspectionRound> findInRegion(String prefix);

    boolean existsByRegionIdAndCode(Long regionId, String code);

    java.util.Optional<InspectionRound> findByRegionIdAndCode(Long regionId, String code);
}
