-- The persona table of the lessons. Safe to run again: it creates nothing that already exists.
-- Column lengths are counted in characters (code points) and mirrored in Persona's MAX_* constants.
create table if not exists persona (
    id_persona bigint generated always as identity primary key,
    nombre     varchar(50)  not null,
    apellido   varchar(50)  not null,
    email      varchar(254) not null,
    constraint persona_email_uk unique (email)
)
