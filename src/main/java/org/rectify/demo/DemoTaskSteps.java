package org.rectify.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.rectify.common.UploadedFile;
import org.rectify.signoff.SignOffView;
import org.rectify.signoff.SignOffs;
import org.rectify.task.TaskProgress;
import org.rectify.task.TaskView;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * The demo's steps on one task once its plan is approved: progress reports with evidence, sign-off applications,
 * the unit head's confirmation or return and the office's approval or rejection. {@code i} and {@code j} number
 * the problem and the task, and only name the evidence files.
 */
@Component
@Profile("demo")
class DemoTaskSteps {

    private final DemoUsers as;
    private final TaskProgress progress;
    private final SignOffs signOffs;

    DemoTaskSteps(DemoUsers as, TaskProgress progress, SignOffs signOffs) {
        this.as = as;
        this.progress = progress;
        this.signOffs = signOffs;
    }

    /** Moves a task of a problem in progress to one of seven intermediate states, by {@code pattern} (0-6). */
    void advance(TaskView task, String unit, int pattern, int i, int j) {
        switch (pattern) {
            case 0 -> {}
            case 1, 2 -> report(task, unit, 30 + pattern * 20, i, j);
            case 3 -> apply(task, unit, i, j);
            case 4 -> {
                SignOffView s = apply(task, unit, i, j);
                as.run("head." + unit, () -> signOffs.confirm(s.id(), "情况属实，同意申请销号"));
            }
            case 5 -> signOff(task, unit, false, i, j);
            default -> rejectedAfterConfirmation(task, unit, i, j);
        }
    }

    /** Takes a task to signed off; when {@code returnedFirst}, the unit head returns a first application. */
    void signOff(TaskView task, String unit, boolean returnedFirst, int i, int j) {
        if (returnedFirst) {
            SignOffView first = apply(task, unit, i, j);
            as.run("head." + unit, () -> signOffs.returnToStaff(first.id(), "佐证材料缺少验收记录，请补充"));
        }
        SignOffView s = apply(task, unit, i, j);
        as.run("head." + unit, () -> signOffs.confirm(s.id(), "已核实，同意销号"));
        as.run("office", () -> signOffs.approve(s.id(), "经审核达到完成标准，同意销号"));
    }

    private void rejectedAfterConfirmation(TaskView task, String unit, int i, int j) {
        SignOffView s = apply(task, unit, i, j);
        as.run("head." + unit, () -> signOffs.confirm(s.id(), null));
        as.run("office", () -> signOffs.reject(s.id(), "佐证材料不能证明达到完成标准，请补充后重新申请"));
        report(task, unit, 80, i, j);
    }

    private void report(TaskView task, String unit, int percent, int i, int j) {
        as.run(
                "staff." + unit,
                () -> progress.report(
                        task.id(),
                        percent,
                        "已按计划推进整改，完成进度约" + percent + "%。",
                        List.of(file(
                                "进展材料-" + (i + 1) + "-" + (j + 1) + ".txt",
                                ("问题" + (i + 1) + "任务" + (j + 1) + "进展材料").getBytes(StandardCharsets.UTF_8)))));
    }

    private SignOffView apply(TaskView task, String unit, int i, int j) {
        report(task, unit, 100, i, j);
        return as.run(
                "staff." + unit,
                () -> signOffs.apply(
                        task.id(),
                        "已达到完成标准，申请销号。",
                        List.of(file("销号佐证-" + (i + 1) + "-" + (j + 1) + ".png", DemoFiles.PNG))));
    }

    private static UploadedFile file(String name, byte[] bytes) {
        return new UploadedFile(name, null, bytes.length, new ByteArrayResource(bytes));
    }
}
