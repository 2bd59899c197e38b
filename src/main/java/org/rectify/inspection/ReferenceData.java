package org.rectify.inspection;

import java.util.List;

import org.rectify.common.InvalidInputException;
import org.rectify.common.LookupCache;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Source types and problem categories: read by everyone, edited by ADMIN. */
@Service
@Transactional
public class ReferenceData {

    private final SourceTypeRepository sources;
    private final ProblemCategoryRepository categories;
    private final CurrentActor current;
    private final LookupCache<String, ReferenceItem> categoryCache = LookupCache.forMinutes(5);
    private final LookupCache<String, ReferenceItem> sourceCache = LookupCache.forMinutes(5);

    ReferenceData(SourceTypeRepository sources, ProblemCategoryRepository categories, CurrentActor current) {
        this.sources = sources;
        this.categories = categories;
        this.current = current;
    }

    @Transactional(readOnly = true)
    public List<ReferenceItem> sourceTypes() {
        return sources.findAllByOrderBySortOrder().stream()
                .map(SourceType::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ReferenceItem> categories() {
        return categories.findAllByOrderBySortOrder().stream()
                .map(ProblemCategory::view)
                .toList();
    }

    public ReferenceItem saveSourceType(ReferenceItem item) {
        current.get().require(Role.ADMIN);
        SourceType source = sources.findById(item.code()).orElseGet(() -> new SourceType(item.code()));
        source.update(item);
        return sources.save(source).view();
    }

    public ReferenceItem saveCategory(ReferenceItem item) {
        current.get().require(Role.ADMIN);
        ProblemCategory category = categories.findById(item.code()).orElseGet(() -> new ProblemCategory(item.code()));
        category.update(item);
        return categories.save(category).view();
    }

    /** Throws a 400 naming the field unless the code is a known, active category. */
    @Transactional(readOnly = true)
    public void requireActiveCategory(String code) {
        if (code != null
                && !categoryCache
                        .get(code, c -> categories.findById(c).map(ProblemCategory::view))
                        .map(ReferenceItem::active)
                        .orElse(false)) {
            throw new InvalidInputException(
                    "categoryCode",
                    "rule.reference.unknownCategory",
                    "unknown or inactive problem category: " + code,
                    code);
        }
    }

    @Transactional(readOnly = true)
    public void requireActiveSource(String code) {
        if (!sourceCache
                .get(code, c -> sources.findById(c).map(SourceType::view))
                .map(ReferenceItem::active)
                .orElse(false)) {
            throw new InvalidInputException(
                    "sourceType", "rule.reference.unknownSourceType", "unknown or inactive source type: " + code, code);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(ReferenceDataChanged change) {
        categoryCache.clear();
        sourceCache.clear();
    }
}
