-- Grid work (网格, issue 19): the grid's register of compounds, buildings and households, patrol rounds and what
-- they found, care plans and visits for the elderly living alone, and help with subsidy applications.
-- Coarse on purpose: a household is a building and a number the grid gives it (not a door number) and the
-- resident records it links to (ids only); names, phones, addresses and flags stay in the encrypted resident register.

-- A compound (小区) of a grid: a public place name.
CREATE TABLE grid_compound (
    id         uuid        PRIMARY KEY,
    grid_id    uuid        NOT NULL REFERENCES grid (id),
    name       varchar(60) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT grid_compound_name_unique UNIQUE (grid_id, name)
);

-- A building (楼栋) of a compound, e.g. 3号楼, with its stairwells (单元).
CREATE TABLE grid_building (
    id          uuid        PRIMARY KEY,
    compound_id uuid        NOT NULL REFERENCES grid_compound (id),
    grid_id     uuid        NOT NULL REFERENCES grid (id),
    label       varchar(30) NOT NULL,
    stairwells  int,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT grid_building_label_unique UNIQUE (compound_id, label)
);

-- A household (户): its building, stairwell and the grid's own number for it in that building.
CREATE TABLE grid_household (
    id          uuid        PRIMARY KEY,
    building_id uuid        NOT NULL REFERENCES grid_building (id),
    grid_id     uuid        NOT NULL REFERENCES grid (id),
    stairwell   int,
    number      int         NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT grid_household_number_unique UNIQUE (building_id, number)
);
CREATE INDEX grid_household_grid ON grid_household (grid_id);

-- Who lives in a household: resident record ids only; a resident lives in one household.
CREATE TABLE grid_household_resident (
    household_id uuid NOT NULL REFERENCES grid_household (id),
    resident_id  uuid NOT NULL REFERENCES resident (id),
    PRIMARY KEY (household_id, resident_id),
    CONSTRAINT grid_household_resident_once UNIQUE (resident_id)
);

-- A patrol round (巡检) of a grid.
CREATE TABLE grid_patrol (
    id           uuid         PRIMARY KEY,
    grid_id      uuid         NOT NULL REFERENCES grid (id),
    community_id uuid         NOT NULL REFERENCES community (id),
    patrolled_on date         NOT NULL,
    recorded_by  varchar(100) NOT NULL,
    recorded_at  timestamptz  NOT NULL
);
CREATE INDEX grid_patrol_grid ON grid_patrol (grid_id, patrolled_on DESC);

-- What a round checked at each household visited (燃气, 消防, 电线, 居住条件).
CREATE TABLE grid_patrol_check (
    patrol_id    uuid         NOT NULL REFERENCES grid_patrol (id),
    household_id uuid         NOT NULL REFERENCES grid_household (id),
    item         varchar(30)  NOT NULL,
    ok           boolean      NOT NULL,
    note         varchar(500),
    PRIMARY KEY (patrol_id, household_id, item)
);

-- A finding of a round: it raises a need (source GRID_REPORT), at once when urgent, else when community staff publish it.
CREATE TABLE grid_hazard (
    id                uuid         PRIMARY KEY,
    patrol_id         uuid         NOT NULL REFERENCES grid_patrol (id),
    household_id      uuid         NOT NULL REFERENCES grid_household (id),
    grid_id           uuid         NOT NULL REFERENCES grid (id),
    community_id      uuid         NOT NULL REFERENCES community (id),
    item              varchar(30)  NOT NULL,
    category          varchar(40)  NOT NULL,
    urgency           varchar(20)  NOT NULL,
    beneficiary_group varchar(40)  NOT NULL,
    title             varchar(200) NOT NULL,
    resident_id       uuid         REFERENCES resident (id),
    station_id        uuid         REFERENCES station (id),
    window_end        timestamptz  NOT NULL,
    status            varchar(20)  NOT NULL,
    need_id           uuid         REFERENCES need (id),
    reported_at       timestamptz  NOT NULL,
    reviewed_by       varchar(100),
    reviewed_at       timestamptz,
    dismiss_reason    varchar(200)
);
CREATE INDEX grid_hazard_community ON grid_hazard (community_id, status);
CREATE INDEX grid_hazard_grid ON grid_hazard (grid_id, status);

-- A care plan (关爱走访) for an elderly person living alone: visited on a schedule set by their risk.
CREATE TABLE grid_care_plan (
    id                   uuid        PRIMARY KEY,
    grid_id              uuid        NOT NULL REFERENCES grid (id),
    community_id         uuid        NOT NULL REFERENCES community (id),
    resident_id          uuid        NOT NULL REFERENCES resident (id),
    household_id         uuid        NOT NULL REFERENCES grid_household (id),
    risk                 varchar(10) NOT NULL,
    since                date        NOT NULL,
    last_visited_on      date,
    next_due_on          date        NOT NULL,
    overdue_announced_on date,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CONSTRAINT grid_care_plan_resident_unique UNIQUE (resident_id)
);
CREATE INDEX grid_care_plan_due ON grid_care_plan (next_due_on);
CREATE INDEX grid_care_plan_grid ON grid_care_plan (grid_id);

CREATE TABLE grid_care_visit (
    id          uuid         PRIMARY KEY,
    plan_id     uuid         NOT NULL REFERENCES grid_care_plan (id),
    visited_on  date         NOT NULL,
    outcome     varchar(20)  NOT NULL,
    note        varchar(500),
    recorded_by varchar(100) NOT NULL,
    recorded_at timestamptz  NOT NULL
);
CREATE INDEX grid_care_visit_plan ON grid_care_visit (plan_id, visited_on DESC);

-- Help with a subsidy application (补助申请): its kind and where it stands; no amount, no income.
CREATE TABLE grid_subsidy_application (
    id           uuid         PRIMARY KEY,
    grid_id      uuid         NOT NULL REFERENCES grid (id),
    community_id uuid         NOT NULL REFERENCES community (id),
    resident_id  uuid         NOT NULL REFERENCES resident (id),
    kind         varchar(30)  NOT NULL,
    status       varchar(20)  NOT NULL,
    submitted_on date,
    decided_on   date,
    note         varchar(500),
    revision     int          NOT NULL,
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL
);
CREATE INDEX grid_subsidy_grid ON grid_subsidy_application (grid_id);
