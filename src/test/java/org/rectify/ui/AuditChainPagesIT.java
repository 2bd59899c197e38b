package org.rectify.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectify.audit.ExportCheck;
import org.rectify.support.IntegrationTest;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspectors' audit chain page: an inspector verifies the chain and downloads a round's, a unit's and a
 * problem's trail (each checks clean offline); the office sees the page without the button; unit users may not
 * open it; another region's round is not found.
 */
class AuditChainPagesIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInspectorVerifiesAndExports() throws Exception {
        WebSession inspector = WebSession.signIn(port, "inspector");
        String page = inspector.get("/inspect/chain").expect(200).text();
        assertThat(page).contains("审计链", "立即核验", "导出带走").doesNotContain("完好");
        assertThat(inspector.get("/inspect/chain?verify=true").expect(200).text())
                .contains("完好：已核验");
        assertThat(WebSession.signIn(port, "inspector")
                        .get("/inspect/chain?lang=en")
                        .text())
                .contains("Take the history away", "Verify the chain now");

        long round = jdbc.queryForObject("select min(id) from inspection_round", Long.class);
        long unit = jdbc.queryForObject("select min(unit_id) from rectification_task", Long.class);
        long problem = jdbc.queryForObject("select min(id) from problem", Long.class);
        for (String query :
                List.of("scope=round&id=" + round, "scope=unit&id=" + unit, "scope=problem&id=" + problem)) {
            WebSession.Answer zip =
                    inspector.get("/inspect/chain/export?" + query).expect(200);
            assertThat(zip.contentType()).isEqualTo("application/zip");
            Path file = Files.write(Files.createTempFile("chain-page", ".zip"), zip.body());
            ExportCheck.Result result = ExportCheck.check(file, List.of());
            assertThat(result.findings()).as(query).isEmpty();
            assertThat(result.records()).as(query).isPositive();
        }
        assertThat(inspector.get("/inspect?q=").text()).contains("/inspect/chain/export?scope=problem&amp;id=");
        inspector.get("/inspect/chain/export?scope=round&id=987654321").expect(404);
    }

    @Test
    void theOfficeReadsItWithoutVerifyingAndUnitUsersMayNotOpenIt() {
        String office = WebSession.signIn(port, "office")
                .get("/inspect/chain?verify=true")
                .expect(200)
                .text();
        assertThat(office).contains("只有督查审计人员可以核验审计链").doesNotContain("完好：已核验");
        WebSession.signIn(port, "staff.fpj").get("/inspect/chain").expect(403);
        WebSession.signIn(port, "staff.fpj")
                .get("/inspect/chain/export?scope=round&id=1")
                .expect(403);
    }
}
