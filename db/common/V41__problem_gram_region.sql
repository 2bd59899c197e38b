-- The problem list searched for a text of two characters (危房, 低保, 资金: the commonest Chinese search)
-- by a region role counted its matches by reading every problem holding the pair to test the region and
-- the LIKE: 5,191 primary-key look-ups into problem for "危房" at 100,000 problems (20-30 ms). For a text
-- of one pair, holding the pair is the LIKE (the grams are compared in the same collation), and a
-- problem's region never changes, so each gram row now carries the problem's region, as problem_unit's
-- rows do (V35), and that count is read from one index alone.
alter table problem_gram add column region_path varchar(512);
update problem_gram set region_path = (select p.region_path from problem p where p.id = problem_gram.problem_id);
create index ix_problem_gram_region on problem_gram (gram, region_path, problem_id);
