-- 告知承诺制: a case accepted on the applicant's written commitment (告知承诺书), checked after its decision;
-- a commitment found untrue revokes the decision (state REVOKED).
alter table case_record add column commitment boolean not null default false;
