package org.rectify;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the module documentation with Spring Modulith's {@link Documenter}: a canvas per module (its services,
 * bean references, events) and the PlantUML component diagrams, whole and per module, into
 * {@code target/spring-modulith-docs}. It only writes into {@code target/}: the copy kept in
 * {@code src/docs/modules/} is refreshed by hand (see {@code src/docs/architecture.md}), so a module that changes
 * never fails anyone's build.
 */
class ModuleDocumentationTest {

    private static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

    @Test
    void writesTheModuleCanvasesAndComponentDiagrams() {
        ApplicationModules modules = ApplicationModules.of(RectifyApplication.class);

        new Documenter(modules).writeDocumentation();

        assertThat(OUTPUT.resolve("components.puml")).isRegularFile();
        modules.forEach(module -> {
            assertThat(OUTPUT.resolve("module-" + module.getIdentifier() + ".puml"))
                    .isRegularFile();
            assertThat(OUTPUT.resolve("module-" + module.getIdentifier() + ".adoc"))
                    .isRegularFile();
        });
    }
}
