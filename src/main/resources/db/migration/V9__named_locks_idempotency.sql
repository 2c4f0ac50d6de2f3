-- Named locks: a count-then-insert that must stay right with parallel jobs and several nodes
-- (the n-th accountability record of a person in a month, a month's assessment run) takes the row
-- of its name with an update, held until its transaction ends.
create table named_lock (
    name        varchar(200) not null primary key,
    acquired    bigint       not null
);

-- Idempotent registration: the first answer to a key (per user), returned again for a retry with
-- the same body; another body under the same key is refused. Kept at least 24 hours.
create table idempotency_key (
    user_id       varchar(64)  not null,
    idem_key      varchar(200) not null,
    request_hash  varchar(64)  not null,
    response_body varchar(100000),
    case_number   varchar(32),
    created_at    timestamp with time zone not null,
    primary key (user_id, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);
