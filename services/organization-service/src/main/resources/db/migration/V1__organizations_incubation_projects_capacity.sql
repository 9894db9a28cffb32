-- organization-service: social organizations, their incubation, projects and grants, service capacity.
-- The platform's migration (outbox, processed_event) is added by the platform library.

-- A social organization (社会组织): public facts about an institution, none about a person.
CREATE TABLE organization (
    id                       uuid         PRIMARY KEY,
    name                     varchar(100) NOT NULL,
    kind                     varchar(30)  NOT NULL,
    legal_status             varchar(20)  NOT NULL,
    credit_code              char(18),
    stage                    varchar(20)  NOT NULL,
    hub                      boolean      NOT NULL DEFAULT false,
    hub_organization_id      uuid         REFERENCES organization (id),
    community_id             uuid,
    district_code            char(6)      NOT NULL,
    street_code              char(9),
    geohash                  varchar(6),
    service_categories       text[]       NOT NULL DEFAULT '{}',
    monthly_service_capacity int,
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    CONSTRAINT organization_name_unique UNIQUE (district_code, name),
    CONSTRAINT organization_credit_code_unique UNIQUE (credit_code),
    CONSTRAINT organization_hub_is_mature CHECK (NOT hub OR stage = 'MATURE')
);
CREATE INDEX organization_incubated_by ON organization (hub_organization_id);

-- Every step of an organization's incubation, as OrganizationStageChanged told it.
CREATE TABLE incubation_change (
    id                  bigserial   PRIMARY KEY,
    organization_id     uuid        NOT NULL REFERENCES organization (id),
    stage               varchar(20) NOT NULL,
    previous_stage      varchar(20) NOT NULL,
    hub                 boolean     NOT NULL,
    hub_organization_id uuid,
    changed_on          date        NOT NULL,
    recorded_at         timestamptz NOT NULL
);
CREATE INDEX incubation_change_of ON incubation_change (organization_id);

-- A public-benefit project (公益项目).
CREATE TABLE project (
    id                   uuid         PRIMARY KEY,
    organization_id      uuid         NOT NULL REFERENCES organization (id),
    title                varchar(100) NOT NULL,
    goal                 varchar(500) NOT NULL,
    category             varchar(30)  NOT NULL,
    beneficiary_group    varchar(30)  NOT NULL,
    target_people        int,
    starts_on            date         NOT NULL,
    ends_on              date         NOT NULL,
    budget_fen           bigint,
    served_community_ids uuid[]       NOT NULL DEFAULT '{}',
    geohash              varchar(6),
    status               varchar(20)  NOT NULL,
    outcome              varchar(20),
    closed_on            date,
    people_reached       int,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CONSTRAINT project_period CHECK (ends_on >= starts_on)
);
CREATE INDEX project_of ON project (organization_id);

-- Venture-philanthropy grants (公益创投) and other funding a project won.
CREATE TABLE project_grant (
    id         uuid         PRIMARY KEY,
    project_id uuid         NOT NULL REFERENCES project (id),
    programme  varchar(100) NOT NULL,
    funder     varchar(100),
    amount_fen bigint       NOT NULL CHECK (amount_fen > 0),
    awarded_on date         NOT NULL,
    created_at timestamptz  NOT NULL
);
CREATE INDEX project_grant_of ON project_grant (project_id);

-- Service capacity (服务能力) offered to matching; revision counts its events.
CREATE TABLE service_capacity (
    id                   uuid         PRIMARY KEY,
    organization_id      uuid         NOT NULL REFERENCES organization (id),
    revision             int          NOT NULL,
    status               varchar(20)  NOT NULL,
    title                varchar(100) NOT NULL,
    category             varchar(30)  NOT NULL,
    skills               text[]       NOT NULL DEFAULT '{}',
    languages            text[]       NOT NULL DEFAULT '{}',
    beneficiary_groups   text[]       NOT NULL DEFAULT '{}',
    capacity_per_slot    int          NOT NULL CHECK (capacity_per_slot > 0),
    session_minutes      int,
    valid_from           date         NOT NULL,
    valid_until          date         NOT NULL,
    geohash              varchar(6),
    served_community_ids uuid[]       NOT NULL DEFAULT '{}',
    withdrawal_reason    varchar(30),
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL
);
CREATE INDEX service_capacity_of ON service_capacity (organization_id);

-- Weekly slots (local times, Asia/Shanghai) of a capacity, in the order given.
CREATE TABLE capacity_slot (
    capacity_id uuid        NOT NULL REFERENCES service_capacity (id),
    position    int         NOT NULL,
    day         varchar(10) NOT NULL,
    start_time  time        NOT NULL,
    end_time    time        NOT NULL,
    PRIMARY KEY (capacity_id, position),
    CHECK (end_time > start_time)
);
