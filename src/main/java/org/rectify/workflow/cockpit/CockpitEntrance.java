package org.rectify.workflow.cockpit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /camunda} leads to Cockpit, the one webapp operators may use (Camunda's own default is Tasklist). */
@Controller
class CockpitEntrance {

    @GetMapping({"/camunda", "/camunda/"})
    String cockpit() {
        return "redirect:/camunda/app/cockpit/default/";
    }
}
