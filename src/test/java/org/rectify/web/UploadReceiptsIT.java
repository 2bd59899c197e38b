package org.rectify.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload sent again with its key (a phone retrying after its connection dropped) is recorded once, also when
 * the two arrive at once; the second is answered that it had been received. A refused upload leaves no receipt,
 * so its retry is judged again; a malformed key is refused with a message and records nothing.
 */
class UploadReceiptsIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUploadSentAgainIsRecordedOnce() throws Exception {
        Demo demo = new Demo(api);
        long task = new Scenario(api, demo, "fpj")
                .taskInProgress(
                        "UR-" + System.nanoTime() % 100_000,
                        demo.workingDaysAhead(25),
                        LocalDate.parse(demo.workingDaysAhead(20)))[1];
        WebSession staff = WebSession.signIn(port, "staff.fpj");
        String page = "/tasks/" + task;
        String action = page + "/progress";

        // Refused (a percent out of range): no receipt, and the retry is judged again.
        WebSession.Answer refused = staff.postForm(
                        page, action, Map.of("percent", "130", "content", "太多", "uploadKey", "key-refused-0001"))
                .expect(302);
        assertThat(staff.get(path(refused)).text()).contains("请检查“整改进度”");
        assertThat(reports(task)).isZero();
        assertThat(receipts("key-refused-0001")).isZero();

        WebSession.Answer first = staff.postForm(
                        page, action, Map.of("percent", "30", "content", "第一次报送", "uploadKey", "key-twice-0001"))
                .expect(302);
        assertThat(staff.get(path(first)).text()).contains("进展报告已保存");
        WebSession.Answer again = staff.postForm(
                        page, action, Map.of("percent", "30", "content", "第一次报送", "uploadKey", "key-twice-0001"))
                .expect(302);
        assertThat(staff.get(path(again)).text()).contains("此前已收到");
        assertThat(reports(task)).isOne();

        // Two at once with one key: one report.
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                WebSession each = WebSession.signIn(port, "staff.fpj");
                sent.add(two.submit(() -> each.postForm(
                                page,
                                action,
                                Map.of("percent", "40", "content", "同时到达", "uploadKey", "key-at-once-0001"))
                        .status()));
            }
            for (Future<Integer> f : sent) {
                assertThat(f.get()).isEqualTo(302);
            }
        } finally {
            two.shutdown();
        }
        assertThat(reports(task)).isEqualTo(2);

        // A malformed key: a message, nothing recorded.
        WebSession.Answer malformed = staff.postForm(
                        page, action, Map.of("percent", "50", "content", "坏的键", "uploadKey", "<script>"))
                .expect(302);
        assertThat(staff.get(path(malformed)).text()).contains("请检查“上传标识”", "上传标识由 8 到 64 个字母");
        assertThat(reports(task)).isEqualTo(2);
    }

    /** Where a redirect leads, as a path of the app. */
    private static String path(WebSession.Answer redirect) {
        return redirect.location().replaceFirst("^https?://[^/]+", "");
    }

    private long reports(long task) {
        return jdbc.queryForObject("select count(*) from progress_report where task_id = ?", Long.class, task);
    }

    private long receipts(String key) {
        return jdbc.queryForObject("select count(*) from upload_receipt where upload_key = ?", Long.class, key);
    }
}
