package org.rectify.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewUnit(
        Long parentId,

        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+")
        String code,

        @NotBlank @Size(max = 200) String nameZh,
        @NotBlank @Size(max = 200) String nameEn,
        @NotNull UnitKind kind) {}
