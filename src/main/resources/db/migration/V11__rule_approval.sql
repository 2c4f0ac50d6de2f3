-- A director approves each rule version before it takes effect (issue 13): who submitted it, on which
-- document (文件依据), from when it is in force, and who approved or rejected it with what opinion.
alter table rule_set_version alter column state set data type varchar(20);
alter table rule_set_version add column basis_document varchar(200);
alter table rule_set_version add column effective_from timestamp with time zone;
alter table rule_set_version add column submitted_by varchar(64);
alter table rule_set_version add column submitted_at timestamp with time zone;
alter table rule_set_version add column decided_by varchar(64);
alter table rule_set_version add column decided_at timestamp with time zone;
alter table rule_set_version add column decision_comment varchar(1000);
