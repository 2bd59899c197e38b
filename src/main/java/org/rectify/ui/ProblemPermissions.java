package org.rectify.ui;

import java.util.Objects;

import org.rectify.org.Actor;
import org.rectify.org.Role;
import org.rectify.problem.ProblemStatus;
import org.rectify.task.FourLists;
import org.rectify.task.FourLists.Named;

import static org.rectify.problem.ProblemStatus.*;

/**
 * The problem-level actions the detail page offers the signed-in user in the problem's current
 * state. Only what to show: the services check every action again.
 *
 * @param triage       the office classifies and assigns a registered problem
 * @param claim        the lead unit's head claims or returns an assigned problem
 * @param reassign     the office assigns a returned problem again
 * @param plan         the lead unit drafts the task breakdown and submits it
 * @param reviewPlan   the office approves the plan or sends it back
 * @param closure      the responsible leader decides on closing (销号)
 * @param supervise    the office issues a supervision order or nudges, once a lead unit is named
 * @param selfInspect  the office has other units inspect themselves after this problem (举一反三)
 * @param edit         the office corrects an open problem's classification and goal
 */
record ProblemPermissions(
        boolean triage,
        boolean claim,
        boolean reassign,
        boolean plan,
        boolean reviewPlan,
        boolean closure,
        boolean supervise,
        boolean selfInspect,
        boolean edit) {

    static ProblemPermissions of(Actor me, FourLists file) {
        ProblemStatus status = file.problem().status();
        boolean office = me.has(Role.OFFICE);
        boolean leadUnit = Objects.equals(idOf(file.responsibility().leadUnit()), me.unitId());
        boolean responsibleLeader =
                me.has(Role.LEADER) && Objects.equals(idOf(file.responsibility().responsibleLeader()), me.userId());
        return new ProblemPermissions(
                office && status == REGISTERED,
                me.has(Role.UNIT_HEAD) && leadUnit && status == ASSIGNED,
                office && status == RETURNED,
                (me.has(Role.UNIT_STAFF) || me.has(Role.UNIT_HEAD)) && leadUnit && status == PLANNING,
                office && status == PLAN_REVIEW,
                responsibleLeader && status == CLOSURE_REVIEW,
                office && !status.isClosed() && file.responsibility().leadUnit() != null,
                office,
                office && !status.isClosed());
    }

    public boolean any() {
        return triage || claim || reassign || plan || reviewPlan || closure || supervise || selfInspect;
    }

    /** The responsibility fields are on the page (triage or reassign). */
    public boolean assigns() {
        return triage || reassign;
    }

    private static Long idOf(Named named) {
        return named == null ? null : named.id();
    }
}
