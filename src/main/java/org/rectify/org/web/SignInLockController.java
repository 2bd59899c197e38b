package org.rectify.org.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.org.SignInLocks;
import org.rectify.org.SignInSubject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: the account names and addresses slowed or locked after failed sign-ins, and lifting them. */
@RestController
@RequestMapping("/api/admin/sign-in-locks")
class SignInLockController {

    /** The name (as typed) or the address to lift. */
    record Release(
            @NotNull SignInSubject.Kind kind,
            @NotBlank @Size(max = 180) String subject) {}

    private final SignInLocks locks;

    SignInLockController(SignInLocks locks) {
        this.locks = locks;
    }

    @GetMapping
    List<SignInLocks.Lock> list() {
        return locks.current();
    }

    @PostMapping("/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@Valid @RequestBody Release body) {
        locks.release(new SignInSubject(body.kind(), body.subject()));
    }
}
