package org.rectify;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the module documentation with Spring Modulith's {@link Documenter}: a canvas per module (its API, events,
 * beans) and the PlantUML component diagrams, whole and per module, into {@code target/spring-modulith-docs}.
 * It only writes into {@code target/}; the copy kept in {@code src/docs/modules/} is refreshed by hand (see
 * {@code src/docs/architecture.md}), so that a changed module never fails anyone's build.
 */
class ModuleDocumentationTest {

    @Test
    void writesTheModuleCanvasesAndComponentDiagrams() {
        Documenter documenter = new Documenter(ApplicationModules.of(RectifyApplication.class));
        documenter.writeDocumentation();

        Path output = Path.of("target", "spring-modulith-docs");
        assertThat(output.resolve("components.puml")).isRegularFile();
        assertThat(output.resolve("module-problem.adoc")).isRegularFile();
    }
}
