package org.rectify.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Requirements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports open in another office suite, not only in the libraries that wrote them: LibreOffice
 * converts the Word report and the PDF to PDF headless, and the converted Word report still says the
 * totals. Skipped (or failed, when strict) where LibreOffice is not installed; {@code .ci/run} installs it.
 * The files stay under {@code target/reports/} to be looked at.
 */
@ExtendWith(ReportConversionIT.NeedsLibreOffice.class)
class ReportConversionIT extends IntegrationTest {

    static final List<Path> OFFICE = List.of(Path.of("/usr/bin/libreoffice"), Path.of("/usr/bin/soffice"));
    private static final Path DIR = Path.of("target", "reports");

    @Test
    void libreOfficeConvertsBothReports() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        Path docx = Files.write(
                DIR.resolve("progress.docx"),
                api.as("office").get("/api/dashboard/progress.docx").ok().raw());
        Path pdf = Files.write(
                DIR.resolve("dispatch.pdf"),
                api.as("office").get("/api/dashboard/report.pdf").ok().raw());
        String totals;
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx))) {
            totals = doc.getParagraphs().stream()
                    .map(p -> p.getText())
                    .filter(p -> p.startsWith("截至"))
                    .findFirst()
                    .orElseThrow();
        }
        Path converted = DIR.resolve("converted");

        convert(converted, docx, pdf);

        Path fromWord = converted.resolve("progress.pdf");
        assertThat(fromWord).isNotEmptyFile();
        // Compared without spaces and punctuation: a comma that hangs at the end of a Chinese line (as LibreOffice
        // sets it) may be lost when the PDF's text is read back, depending on where the figures make the line break.
        assertThat(ReportIT.pdfText(Files.readAllBytes(fromWord)).replaceAll("[\\s\\p{P}]", ""))
                .contains(totals.replaceAll("[\\s\\p{P}]", ""));
        assertThat(converted.resolve("dispatch.pdf")).isNotEmptyFile();
    }

    /** Runs LibreOffice with a profile of its own, so that it neither meets a running instance nor a user's. */
    private static void convert(Path outDir, Path... files) throws IOException, InterruptedException {
        Path office = OFFICE.stream().filter(Files::isExecutable).findFirst().orElseThrow();
        for (Path file : files) {
            Process process = new ProcessBuilder(
                            office.toString(),
                            "-env:UserInstallation="
                                    + DIR.resolve("lo-profile").toAbsolutePath().toUri(),
                            "--headless",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            outDir.toString(),
                            file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(DIR.resolve("libreoffice.log").toFile())
                    .start();
            assertThat(process.waitFor(3, TimeUnit.MINUTES))
                    .as("LibreOffice finished converting " + file)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("LibreOffice's exit code for " + file + "; see " + DIR.resolve("libreoffice.log"))
                    .isZero();
        }
    }

    /** Skips the class (before its context) where LibreOffice is missing. */
    static class NeedsLibreOffice implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("checked for the class");
            }
            return Requirements.need(
                    OFFICE.stream().anyMatch(Files::isExecutable),
                    "LibreOffice (" + OFFICE + ")",
                    "install it with: apt-get install -y libreoffice-core libreoffice-writer libreoffice-draw");
        }
    }
}
