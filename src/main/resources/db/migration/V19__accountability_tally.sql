-- How many records of a trigger count for a person in a month (the n-th occurrence the trigger
-- table escalates on), kept as records are proposed and dismissed instead of counted for every
-- event, so that an event's work does not grow with the month's volume. The row is also the lock
-- that numbers one person's parallel events of a trigger one after another. A missing row is
-- counted once from accountability_record when first needed (after this migration, or if deleted).
create table accountability_tally (
    staff        varchar(64) not null,
    trigger_type varchar(40) not null,
    period       char(7)     not null,
    counted      integer     not null,
    primary key (staff, trigger_type, period)
);
