package org.rectify.workflow;

/** Ids of bpmn/rectification.bpmn, mirrored here so that code and model cannot drift apart silently. */
public final class RectificationModel {

    public static final String PROCESS_KEY = "rectification";

    public static final String TRIAGE = "Task_Triage";
    public static final String CLAIM = "Task_Claim";
    public static final String REASSIGN = "Task_Reassign";
    public static final String DRAFT_PLAN = "Task_DraftPlan";
    public static final String REVIEW_PLAN = "Task_ReviewPlan";
    public static final String RECTIFY_TASK = "SubProcess_RectifyTask";
    public static final String RECTIFY = "Task_Rectify";
    public static final String CONFIRM_SIGN_OFF = "Task_ConfirmSignOff";
    public static final String REVIEW_SIGN_OFF = "Task_ReviewSignOff";
    public static final String APPROVE_CLOSURE = "Task_ApproveClosure";
    public static final String PROBLEM_CLOSED = "EndEvent_ProblemClosed";
    public static final String TASK_SIGNED_OFF = "EndEvent_TaskSignedOff";

    public static final String GATEWAY_CLAIMED = "Gateway_Claimed";
    public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
    public static final String GATEWAY_HEAD_CONFIRMED = "Gateway_HeadConfirmed";
    public static final String GATEWAY_SIGN_OFF_APPROVED = "Gateway_SignOffApproved";
    public static final String GATEWAY_CLOSURE_APPROVED = "Gateway_ClosureApproved";

    /** Variables: ids and flags only. */
    public static final String VAR_PROBLEM_ID = "problemId";
    public static final String VAR_REGION_ID = "regionId";
    public static final String VAR_LEAD_UNIT_ID = "leadUnitId";
    public static final String VAR_RESPONSIBLE_LEADER = "responsibleLeader";
    public static final String VAR_TASK_ID = "rectificationTaskId";
    public static final String VAR_TASK_UNIT_ID = "taskUnitId";
    public static final String FLAG_CLAIMED = "claimed";
    public static final String FLAG_PLAN_APPROVED = "planApproved";
    public static final String FLAG_HEAD_CONFIRMED = "headConfirmed";
    public static final String FLAG_SIGN_OFF_APPROVED = "signOffApproved";
    public static final String FLAG_CLOSURE_APPROVED = "closureApproved";

    private RectificationModel() {
    }
}
