package org.rectify;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaModifier.STATIC;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only an entity's own package changes it: another module (or a controller in a sub-package) acts through
 * the owner's service or reacts to its events. A transition is any method of an {@code @Entity} that returns
 * nothing; reading (getters, {@code view()}, {@code isLeadUnit(..)}) stays open.
 */
@AnalyzeClasses(packages = "org.rectify", importOptions = ImportOption.DoNotIncludeTests.class)
class EntityTransitionsTest {

    @ArchTest
    static final ArchRule ONLY_THE_OWNER_CHANGES_AN_ENTITY = noClasses()
            .should()
            .callMethodWhere(transitionOfAnotherPackagesEntity())
            .as("no class outside an @Entity's package calls its transitions (methods returning void)");

    @Test
    void theRuleFindsACallFromAnotherPackage() {
        JavaClasses fixture = new ClassFileImporter().importPackages("archfixture");
        assertThat(ONLY_THE_OWNER_CHANGES_AN_ENTITY
                        .evaluate(fixture)
                        .getFailureReport()
                        .getDetails())
                .singleElement()
                .asString()
                .contains("LedgerClerk.closes", "Ledger.close()");
    }

    private static DescribedPredicate<JavaMethodCall> transitionOfAnotherPackagesEntity() {
        return DescribedPredicate.describe("a transition of another package's @Entity", call -> {
            var target = call.getTarget();
            return target.getOwner().isAnnotatedWith(Entity.class)
                    && !target.getOwner()
                            .getPackageName()
                            .equals(call.getOriginOwner().getPackageName())
                    && target.getRawReturnType().getName().equals("void")
                    && target.resolveMember()
                            .map(m -> !m.getModifiers().contains(STATIC))
                            .orElse(true);
        });
    }
}
