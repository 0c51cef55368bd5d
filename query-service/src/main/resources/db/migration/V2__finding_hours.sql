-- A version per hour of eventTime, raised in the statement that stores new findings of that hour. The dashboard
-- keeps each hour's rollups and top-list counts in memory and reuses them while the hour's version is unchanged,
-- so a week's dashboard reads only the hours that received findings since it last looked. Being in the database,
-- the versions also tell a replica about findings another replica stored.
CREATE TABLE finding_hours (
    hour    timestamptz NOT NULL PRIMARY KEY,
    version bigint      NOT NULL
);
