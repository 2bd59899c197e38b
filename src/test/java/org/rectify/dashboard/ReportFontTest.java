package org.rectify.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports' font is a subset (see {@code fonts/README.txt}): it must cover every character the
 * application itself prints (its message bundles, the demo data) and the common hanzi of GB 2312, and
 * it must carry its licence beside it.
 */
class ReportFontTest {

    private final java.awt.Font font = new ReportFont().awt(java.awt.Font.PLAIN, 12f);

    @Test
    void theSubsetCoversTheApplicationsOwnTexts() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path file : texts()) {
            Files.readString(file)
                    .codePoints()
                    .filter(c -> c > 0x7f && !Character.isWhitespace(c))
                    .filter(c -> !font.canDisplay(c))
                    .forEach(c -> missing.add(
                            file.getFileName() + ": " + Character.toString(c) + String.format(" U+%04X", c)));
        }
        assertThat(missing).as("characters the report font lacks").isEmpty();
    }

    @Test
    void theSubsetCoversGb2312AndCarriesItsLicence() {
        assertThat("整改销号调度通报梳理细化完成率逾期牵头单位县乡镇村鑫"
                        .codePoints()
                        .filter(c -> !font.canDisplay(c))
                        .toArray())
                .as("common and rarer GB 2312 hanzi")
                .isEmpty();
        assertThat(Path.of("src/main/resources/fonts/LICENSE-wqy-microhei.txt"))
                .content()
                .contains("Apache License", "Version 2.0");
        assertThat(Path.of("src/main/resources/fonts/README.txt"))
                .content()
                .contains("WenQuanYi Micro Hei", "pyftsubset", "Apache");
    }

    private static List<Path> texts() throws IOException {
        try (Stream<Path> i18n = Files.list(Path.of("src/main/resources/i18n"));
                Stream<Path> demo = Files.list(Path.of("src/main/resources/demo"))) {
            return Stream.concat(i18n.filter(f -> f.toString().endsWith("_zh_CN.properties")), demo)
                    .toList();
        }
    }
}
