package org.rectify.org;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewUser(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String username,
        @NotBlank @Size(min = 8, max = 72) String password,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull Long unitId,
        @Email @Size(max = 200) String email,
        @NotEmpty Set<Role> roles) {}
