-- Checks the attempts stored before V6 against the key V6 added. Validation reads the whole
-- table but takes a lock that lets attempts keep being written meanwhile.
alter table attempt validate constraint attempt_of_owned_assignment;
