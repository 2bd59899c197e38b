-- The problem list's text search (q: in the title or the number) by an index of character bigrams
-- instead of a scan of every title: a problem's row per pair of adjacent characters of its title
-- (pos 1-299) and of its number (pos 1001-1031). A search for "危房改造" reads the problems holding
-- "危房", "房改" and "改造" from the primary key and tests only those with the same LIKE as before,
-- so it finds exactly what the scan found. The grams are compared in the column's collation, the
-- same as the LIKE's, so case and width are matched alike. Titles and numbers never change once
-- registered; the grams are written when a problem is (issue.ProblemGrams), from SQL alone, so
-- that the services, this backfill and the bulk generators cut them the same way.
create table problem_gram (
    gram       varchar(2) not null,
    problem_id bigint     not null,
    pos        int        not null,
    constraint pk_problem_gram primary key (gram, problem_id, pos)
);

-- 1 to 1000: the positions a gram can start at.
create table gram_position (
    i int not null primary key
);
create table gram_digit (
    d int not null primary key
);
insert into gram_digit (d) values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
insert into gram_position (i) select a.d * 100 + b.d * 10 + c.d + 1 from gram_digit a, gram_digit b, gram_digit c;
drop table gram_digit;

insert into problem_gram (gram, problem_id, pos)
    select substring(p.title, g.i, 2), p.id, g.i from problem p join gram_position g on g.i < char_length(p.title);
insert into problem_gram (gram, problem_id, pos)
    select substring(p.number, g.i, 2), p.id, 1000 + g.i from problem p join gram_position g on g.i < char_length(p.number);
