package org.rectify.ui;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.rectify.dashboard.LedgerExports;
import org.rectify.dashboard.LedgerKind;
import org.rectify.dashboard.ProblemLedger;
import org.rectify.dashboard.TaskLedger;
import org.rectify.deadline.DeadlineColour;
import org.rectify.org.CurrentActor;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;
import org.rectify.task.TaskStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The ledgers (台账) for leadership and the units: the task or problem ledger, filtered and paged in the
 * query, and both as Excel files with the same filters (the API's export, in the page's language).
 */
@Controller
class LedgerPages {

    private final TaskLedger tasks;
    private final ProblemLedger problems;
    private final LedgerExports exports;
    private final ProblemChoices choices;
    private final CurrentActor current;

    LedgerPages(
            TaskLedger tasks,
            ProblemLedger problems,
            LedgerExports exports,
            ProblemChoices choices,
            CurrentActor current) {
        this.tasks = tasks;
        this.problems = problems;
        this.exports = exports;
        this.choices = choices;
        this.current = current;
    }

    @GetMapping("/ledger")
    String ledger(@ModelAttribute("query") LedgerQuery query, Model model) {
        if (query.ledger() == LedgerKind.TASKS) {
            model.addAttribute("rows", tasks.list(query.filter(), query.pageable()));
            model.addAttribute(
                    "statuses",
                    Arrays.stream(TaskStatus.values())
                            .filter(s -> s != TaskStatus.WITHDRAWN)
                            .toList());
        } else {
            model.addAttribute("rows", problems.list(query.filter(), query.pageable()));
            model.addAttribute("statuses", ProblemStatus.values());
        }
        model.addAttribute("rounds", choices.rounds());
        model.addAttribute("units", choices.unitsInScope(current.get()));
        model.addAttribute("sources", choices.sources());
        model.addAttribute("categories", choices.categories(false));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("colours", DeadlineColour.values());
        model.addAttribute("maxRows", exports.maxRows());
        return "ledger/list";
    }

    @GetMapping("/ledger/tasks.xlsx")
    void tasksFile(@ModelAttribute LedgerQuery query, Locale locale, HttpServletResponse response) throws IOException {
        exports.prepare(LedgerKind.TASKS, query.filter()).send(locale, response);
    }

    @GetMapping("/ledger/problems.xlsx")
    void problemsFile(@ModelAttribute LedgerQuery query, Locale locale, HttpServletResponse response)
            throws IOException {
        exports.prepare(LedgerKind.PROBLEMS, query.filter()).send(locale, response);
    }
}
