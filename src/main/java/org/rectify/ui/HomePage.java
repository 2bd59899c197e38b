package org.rectify.ui;

import org.rectify.workflow.Worklist;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Home: my worklist, overdue first, with the three colours. */
@Controller
class HomePage {

    private final Worklist worklist;

    HomePage(Worklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping("/")
    String home(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("items", worklist.mine(Math.max(page, 0), 20));
        return "home";
    }
}
