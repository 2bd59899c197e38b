package org.rectify.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks the password on POST /login. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
