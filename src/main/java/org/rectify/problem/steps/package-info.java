/**
 * The problem-level steps that other modules' own actions cause (the task breakdown, a sign-off, a look-back
 * check). They take ids, check no role (the calling module has checked it) and expect the caller to have
 * row-locked the problem first. A named interface, so that only the modules that declare
 * {@code "problem::steps"} may call them.
 */
@org.springframework.modulith.NamedInterface("steps")
package org.rectify.problem.steps;
