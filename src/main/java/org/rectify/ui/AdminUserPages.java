package org.rectify.ui;

import java.beans.PropertyEditorSupport;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.rectify.org.CurrentActor;
import org.rectify.org.NewUser;
import org.rectify.org.OrgAdministration;
import org.rectify.org.OrgDirectory;
import org.rectify.org.Role;
import org.rectify.org.UserView;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN: the accounts of the region, by unit, 20 a page; new accounts, roles, enabling and disabling.
 * A region holds a few hundred accounts, so the list is filtered and paged here, on the server.
 */
@Controller
class AdminUserPages {

    static final int PAGE_SIZE = 20;

    private final OrgAdministration administration;
    private final OrgDirectory directory;
    private final CurrentActor current;
    private final MessageSource messages;

    AdminUserPages(
            OrgAdministration administration, OrgDirectory directory, CurrentActor current, MessageSource messages) {
        this.administration = administration;
        this.directory = directory;
        this.current = current;
        this.messages = messages;
    }

    /** A blank field (the optional email) is absent, not an empty string; nothing else is changed. */
    @InitBinder("newUser")
    void blankIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : text);
            }
        });
    }

    @GetMapping("/admin/users")
    String list(
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        List<UserView> all = administration.users();
        OrgTree tree = new OrgTree(directory.subtree(current.get().regionPath()), Map.of());
        Map<Long, Integer> treeOrder = treeOrder(tree);
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<UserView> matching = all.stream()
                .filter(u -> unitId == null || unitId.equals(u.unitId()))
                .filter(u -> text.isEmpty()
                        || u.username().toLowerCase(Locale.ROOT).contains(text)
                        || u.displayName().toLowerCase(Locale.ROOT).contains(text))
                .sorted(Comparator.comparing((UserView u) -> treeOrder.getOrDefault(u.unitId(), Integer.MAX_VALUE))
                        .thenComparing(UserView::username))
                .toList();
        model.addAttribute("users", page(matching, page));
        model.addAttribute("units", tree.choices());
        model.addAttribute("roles", Role.values());
        model.addAttribute("unitId", unitId);
        model.addAttribute("q", q);
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@Valid NewUser newUser, RedirectAttributes redirect, Locale locale) {
        UserView created = administration.createUser(newUser);
        redirect.addFlashAttribute(
                "notice", messages.getMessage("admin.users.created", new Object[] {created.username()}, locale));
        return "redirect:/admin/users?unitId=" + created.unitId();
    }

    @PostMapping("/admin/users/{id}/roles")
    String roles(
            @PathVariable Long id,
            @RequestParam(required = false) Set<Role> roles,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        UserView changed = administration.changeRoles(id, roles == null ? Set.of() : roles);
        redirect.addFlashAttribute(
                "notice", messages.getMessage("admin.users.rolesChanged", new Object[] {changed.username()}, locale));
        return "redirect:" + UiAdvice.back(request);
    }

    @PostMapping("/admin/users/{id}/enabled")
    String enabled(
            @PathVariable Long id,
            @RequestParam boolean enabled,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale) {
        UserView changed = administration.setEnabled(id, enabled);
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        changed.enabled() ? "admin.users.enabled" : "admin.users.disabled",
                        new Object[] {changed.username()},
                        locale));
        return "redirect:" + UiAdvice.back(request);
    }

    private static Map<Long, Integer> treeOrder(OrgTree tree) {
        List<OrgTree.Choice> choices = tree.choices();
        return IntStream.range(0, choices.size())
                .boxed()
                .collect(Collectors.toMap(i -> choices.get(i).unit().id(), i -> i));
    }

    private static Page<UserView> page(List<UserView> users, int page) {
        int last = Math.max(0, (users.size() - 1) / PAGE_SIZE);
        PageRequest request = PageRequest.of(Math.min(Math.max(page, 0), last), PAGE_SIZE);
        int from = (int) request.getOffset();
        return new PageImpl<>(users.subList(from, Math.min(from + PAGE_SIZE, users.size())), request, users.size());
    }
}
