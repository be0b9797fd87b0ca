-- A bug resolved as a duplicate points at the original.
alter table bugs add column duplicate_of uuid references bugs (id) on delete set null;
