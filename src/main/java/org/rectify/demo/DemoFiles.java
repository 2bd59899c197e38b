package org.rectify.demo;

import java.util.Base64;

/** Tiny but real evidence files for the demo. */
final class DemoFiles {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private DemoFiles() {}
}
