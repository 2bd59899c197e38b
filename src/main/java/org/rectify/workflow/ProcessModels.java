package org.rectify.workflow;

/**
 * The ids of the process models in bpmn/ (the problem's rectification, the deadline watch, supervision orders,
 * extensions, look-back checks, standing measures), mirrored here so that code and models cannot drift apart
 * silently.
 */
public final class ProcessModels {

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

    public static final String PROBLEM_HAS_DEADLINE = "Gateway_ProblemHasDeadline";
    public static final String TASK_HAS_DEADLINE = "Gateway_TaskHasDeadline";
    public static final String WATCH_PROBLEM = "CallActivity_WatchProblemDeadline";
    public static final String WATCH_TASK = "CallActivity_WatchTaskDeadline";
    public static final String MESSAGE_PROBLEM_DEADLINE_MOVED = "ProblemDeadlineMoved";
    public static final String MESSAGE_TASK_DEADLINE_MOVED = "TaskDeadlineMoved";

    /** deadline-watch.bpmn, called for a problem and for each task. */
    public static final String WATCH_PROCESS_KEY = "deadline-watch";

    /** supervision-order.bpmn, one instance per order. */
    public static final String ORDER_PROCESS_KEY = "supervision-order";

    public static final String ANSWER_ORDER = "Task_AnswerOrder";
    public static final String REVIEW_ANSWER = "Task_ReviewAnswer";
    public static final String VAR_ORDER_ID = "orderId";
    public static final String VAR_TARGET_UNIT_ID = "targetUnitId";
    public static final String FLAG_ANSWER_ACCEPTED = "answerAccepted";

    /** extension.bpmn, one instance per extension request. */
    public static final String EXTENSION_PROCESS_KEY = "extension";

    public static final String CONFIRM_EXTENSION = "Task_ConfirmExtension";
    public static final String DECIDE_EXTENSION = "Task_DecideExtension";
    public static final String VAR_EXTENSION_ID = "extensionId";
    public static final String FLAG_EXTENSION_APPROVED = "extensionApproved";

    /** standing-measure.bpmn, one instance per task kept up as a standing measure. */
    public static final String STANDING_MEASURE_PROCESS_KEY = "standing-measure";

    /** look-back.bpmn, one instance per look-back check. */
    public static final String LOOK_BACK_PROCESS_KEY = "look-back";

    public static final String LOOK_BACK_DUE = "Timer_CheckDue";
    public static final String VERIFY_RECTIFICATION = "Task_VerifyRectification";
    public static final String VAR_CHECK_ID = "checkId";
    public static final String FLAG_STILL_HOLDS = "stillHolds";

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

    private ProcessModels() {}
}
