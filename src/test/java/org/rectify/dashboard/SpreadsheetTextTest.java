package org.rectify.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text that a spreadsheet would take for a formula gets a leading apostrophe; other text stays as it is. */
class SpreadsheetTextTest {

    @Test
    void formulaLookingTextIsPrefixed() {
        for (String risky : new String[] {"=1+1", "+86 123", "-5", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(SpreadsheetText.safe(risky)).isEqualTo("'" + risky);
        }
    }

    @Test
    void otherTextIsUnchanged() {
        assertThat(SpreadsheetText.safe("整改=完成")).isEqualTo("整改=完成");
        assertThat(SpreadsheetText.safe("")).isEmpty();
        assertThat(SpreadsheetText.safe(null)).isNull();
    }
}
