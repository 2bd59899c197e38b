/**
 * The task's steps that other modules' reviews cause (a sign-off application, an extension). They take ids,
 * check no role (the calling module has checked it) and expect the caller to have locked the task's problem
 * first ({@code Tasks.lockVisibleThrough}). A named interface, so that only the modules that declare
 * {@code "task::steps"} may call them.
 */
@org.springframework.modulith.NamedInterface("steps")
package org.rectify.task.steps;
