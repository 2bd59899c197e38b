package org.rectify.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectify.task.FourLists;
import org.rectify.task.FourLists.Named;
import org.rectify.task.FourLists.TaskDeadline;
import org.rectify.task.FourLists.TaskLine;
import org.rectify.task.FourLists.TaskUnit;

/** One task of the problem page: its line of the task list with its unit and its deadline from the other lists. */
record ProblemTaskRow(TaskLine line, Named unit, TaskDeadline deadline) {

    static List<ProblemTaskRow> of(FourLists file) {
        Map<Long, Named> units = file.responsibility().taskUnits().stream()
                .filter(u -> u.unit() != null)
                .collect(Collectors.toMap(TaskUnit::taskId, TaskUnit::unit));
        Map<Long, TaskDeadline> deadlines =
                file.deadlines().tasks().stream().collect(Collectors.toMap(TaskDeadline::taskId, Function.identity()));
        return file.tasks().stream()
                .map(t -> new ProblemTaskRow(t, units.get(t.id()), deadlines.get(t.id())))
                .toList();
    }
}
