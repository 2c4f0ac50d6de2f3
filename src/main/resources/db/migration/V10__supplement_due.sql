-- 补正期限: until when the applicant of a case waiting for materials may bring them (a hall-duty limit,
-- supplement.deadline); past it the case ends as 逾期未补正 (state TERMINATED) with a termination notice.
alter table case_record add column supplement_due timestamp with time zone;
