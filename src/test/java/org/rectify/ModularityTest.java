package org.rectify;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module graph honest: no cycles, no reaching into another module's internals, and no dependency a
 * module has not declared (each module's {@code package-info.java} names the modules it may use).
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(RectifyApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleSaysWhatItIsForAndWhichModulesItMayUse() {
        List<String> undeclared = MODULES.stream()
                .map(m -> m.getBasePackage().getName())
                .filter(name -> {
                    ApplicationModule declared = declaration(name);
                    return declared == null
                            || declared.displayName().isBlank()
                            || Arrays.asList(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN);
                })
                .toList();
        assertThat(undeclared)
                .as("modules without a package-info.java naming them and their allowed dependencies")
                .isEmpty();
    }

    private static ApplicationModule declaration(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
