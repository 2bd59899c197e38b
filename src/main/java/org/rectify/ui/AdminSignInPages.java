package org.rectify.ui;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.rectify.org.SignInLocks;
import org.rectify.org.SignInSubject;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: who is slowed or locked after failed sign-ins (names of the region, unknown names, addresses); lifting. */
@Controller
class AdminSignInPages {

    private final SignInLocks locks;
    private final MessageSource messages;

    AdminSignInPages(SignInLocks locks, MessageSource messages) {
        this.locks = locks;
        this.messages = messages;
    }

    @GetMapping("/admin/sign-in-locks")
    String list(Model model) {
        model.addAttribute("locks", locks.current());
        return "admin/sign-in-locks";
    }

    @PostMapping("/admin/sign-in-locks/release")
    String release(
            @RequestParam SignInSubject.Kind kind,
            @RequestParam String subject,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        locks.release(new SignInSubject(kind, subject));
        redirect.addFlashAttribute(
                "notice", messages.getMessage("admin.signIn.released", new Object[] {subject}, locale));
        return "redirect:" + UiAdvice.back(request);
    }
}
