-- The case file keeps who completed each task and the note written in it, so that the engine's
-- history may be cleaned after its retention period (hall-duty rule engine-history.retention)
-- without the timeline losing a step. One row per completed user task of a process with a business key.
create table task_record (
    task_id      varchar(64)   primary key,
    business_key varchar(255)  not null,
    task_name    varchar(255),
    completed_at timestamp with time zone not null,
    completed_by varchar(255),
    note         varchar(4000)
);
create index task_record_business_key on task_record (business_key, completed_at);
