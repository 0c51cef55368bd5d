-- A version per hour, raised by every statement that stores findings (by eventTime) or outlier series points (by
-- slice start) of that hour. The dashboard keeps each hour's rollups, top-list counts and series points in memory
-- and reuses them while the hour's version is unchanged, so a week's dashboard reads only the hours that changed
-- since it was last drawn. Being in the database, the versions also tell a replica about what another one stored.
CREATE TABLE dashboard_hours (
    hour    timestamptz NOT NULL PRIMARY KEY,
    version bigint      NOT NULL
);
