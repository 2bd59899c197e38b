-- Every insert of a problem, and every change of its state or region, is written down as changes of
-- problem_tally (see db/common/V36__problem_tally.sql); H2's side, in Java. Problems are never deleted.
create trigger problem_tally_insert after insert on problem for each row
    call "org.rectify.problem.ProblemTallyTrigger";
create trigger problem_tally_update after update on problem for each row
    call "org.rectify.problem.ProblemTallyTrigger";
create trigger problem_tally_delete after delete on problem for each row
    call "org.rectify.problem.ProblemTallyTrigger";
