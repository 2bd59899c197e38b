package org.rectify.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A prepared report (checked, read, audited), ready to write in its reader's language. Its data is read
 * already, so no transaction or connection is held while the file is drawn and downloaded.
 */
public final class Report {

    private final ReportKind kind;
    private final ReportData data;
    private final MessageSource messages;
    private final ReportFont font;

    Report(ReportKind kind, ReportData data, MessageSource messages, ReportFont font) {
        this.kind = kind;
        this.data = data;
        this.messages = messages;
        this.font = font;
    }

    /** Writes the report as the response, its texts in this language. */
    public void send(Locale locale, HttpServletResponse response) throws IOException {
        ReportText text = new ReportText(new Labels(messages, locale));
        String fileName =
                text.text("report.file." + kind.name(), data.dashboard().asOf().toString()) + "." + kind.extension();
        response.setContentType(kind.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        if (kind == ReportKind.DISPATCH) {
            new DispatchReport(data, text, font).write(response.getOutputStream());
        } else {
            new ProgressReport(data, text).write(response.getOutputStream());
        }
    }
}
