-- The time-limit table now decides how many extensions a case may have (可延期次数) and whether its
-- overdue supervision goes to the directors too (超期另报中心领导); a case keeps what decided it.
-- Cases registered before keep the earlier release's rule: one extension, joint cases to the directors.
alter table case_record add column extension_max_count integer not null default 0;
alter table case_record add column extensions_used integer not null default 0;
alter table case_record add column escalate_to_directors boolean not null default false;
update case_record set extension_max_count = 1 where extension_max_days > 0;
update case_record set extensions_used = 1 where extension_state <> 'NONE';
update case_record set escalate_to_directors = true where case_type = 'JOINT';
