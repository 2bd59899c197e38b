-- Every insert of a problem, and every change of its state or region, is written down as changes of
-- problem_tally (see db/common/V36__problem_tally.sql). Problems are never deleted.
create trigger problem_tally_insert after insert on problem for each row
    insert into problem_tally_change (region_path, status, delta) values (new.region_path, new.status, 1);

create trigger problem_tally_update after update on problem for each row
    insert into problem_tally_change (region_path, status, delta)
        select old.region_path, old.status, -1 from dual
            where old.status <> new.status or old.region_path <> new.region_path
        union all
        select new.region_path, new.status, 1 from dual
            where old.status <> new.status or old.region_path <> new.region_path;

create trigger problem_tally_delete after delete on problem for each row
    insert into problem_tally_change (region_path, status, delta) values (old.region_path, old.status, -1);
