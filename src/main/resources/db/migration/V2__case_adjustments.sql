-- Extension (延期, once, approved by a director) and delay notice (滞办反馈告知书) of a case.
alter table case_record add column extension_state varchar(16) default 'NONE' not null;
alter table case_record add column extension_days integer default 0 not null;
alter table case_record add column delay_notice boolean default false not null;

-- Labelled facts a notice prints (result, extension days, delay reason, approver ...), one "label=value" per line.
alter table case_notice add column details varchar(4000);

-- Step limits from the time-limit table: the window's hand-over (working minutes) and a joint part's share (%).
alter table case_record add column handover_minutes integer;
alter table case_record add column part_percent integer;
