package org.rectify.org;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy of the app's pages: scripts, styles, fonts and everything else from the app itself
 * only, no inline script or style, no eval, no plugins, not framed, forms posting back to the app only. The pages
 * keep to it: their data reach the scripts in JSON data blocks, the progress bar is drawn by js/rectify.js, htmx's
 * own indicator style and eval are off (fragments/layout.html), and ECharts draws on a canvas. {@code CspBrowserIT}
 * opens the pages of every role and fails on any violation.
 *
 * <p>Written on HTML only (or on a response whose type is not known yet when it is committed, as an error is): an
 * evidence PDF shown in Chromium's viewer under {@code object-src 'none'} would be blocked, and a policy means
 * nothing to an image or a spreadsheet. A response that sets a policy of its own keeps it.
 */
final class PagePolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            // Bootstrap draws a few icons (the menu button, the select's arrow) as data: images in its CSS.
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String type = response.getContentType();
        if ((type == null || type.startsWith("text/html")) && !response.containsHeader(HEADER)) {
            response.setHeader(HEADER, POLICY);
        }
    }
}
