-- The applicant contact of a pending delay notice (滞办反馈告知书): personal data, kept here and not
-- in the engine's variables between the clerk's request and the director's decision.
create table case_delay_contact (
    case_number varchar(32)  not null primary key references case_record (case_number),
    contact     varchar(100) not null
);
