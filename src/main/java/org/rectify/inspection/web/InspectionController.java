package org.rectify.inspection.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.rectify.inspection.RoundView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
class InspectionController {

    private final InspectionRounds rounds;
    private final ReferenceData referenceData;

    InspectionController(InspectionRounds rounds, ReferenceData referenceData) {
        this.rounds = rounds;
        this.referenceData = referenceData;
    }

    record ReferenceBody(
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn,
            int sortOrder,
            boolean active) {

        ReferenceItem withCode(String code) {
            return new ReferenceItem(code, nameZh, nameEn, sortOrder, active);
        }
    }

    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    RoundView register(@Valid @RequestBody NewRound body) {
        return rounds.register(body);
    }

    @GetMapping("/rounds")
    List<RoundView> rounds() {
        return rounds.list();
    }

    @GetMapping("/rounds/{id}")
    RoundView round(@PathVariable Long id) {
        return rounds.get(id);
    }

    @GetMapping("/reference/source-types")
    List<ReferenceItem> sourceTypes() {
        return referenceData.sourceTypes();
    }

    @PutMapping("/reference/source-types/{code}")
    ReferenceItem saveSourceType(@PathVariable @Size(max = 32) String code, @Valid @RequestBody ReferenceBody body) {
        return referenceData.saveSourceType(body.withCode(code));
    }

    @GetMapping("/reference/categories")
    List<ReferenceItem> categories() {
        return referenceData.categories();
    }

    @PutMapping("/reference/categories/{code}")
    ReferenceItem saveCategory(@PathVariable @Size(max = 32) String code, @Valid @RequestBody ReferenceBody body) {
        return referenceData.saveCategory(body.withCode(code));
    }
}
