package io.trailwatch.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** query-service settings; every key can be set from the environment as TRAILWATCH_QUERY_... */
@ConfigMapping(prefix = "trailwatch.query")
public interface QueryConfig {

    Retention retention();

    Search search();

    Export export();

    Dashboard dashboard();

    Auth auth();

    /** Display names of accounts (account id → name), e.g. {@code trailwatch.query.account-names."111122223333"=prod}. */
    Map<String, String> accountNames();

    /** alert-service, whose API the UI reaches through /api/v1/alerts/... */
    Backend alertService();

    /** rules-service, whose API the UI reaches through /api/v1/rules... and /api/v1/patterns/test. */
    Backend rulesService();

    interface Retention {
        /** Days of events kept; older day partitions are dropped, older incoming events are not stored. */
        @WithDefault("30")
        int eventDays();

        /** Day partitions created ahead of today, so ingestion at midnight never waits for DDL. */
        @WithDefault("2")
        int partitionsAhead();

        /** Events further than this in the future (clock skew, forged records) are not stored. */
        @WithDefault("1D")
        Duration maxFuture();

        /** How often partitions are created ahead and expired data dropped. */
        @WithDefault("1h")
        Duration maintenanceInterval();
    }

    interface Search {
        @WithDefault("50")
        int defaultLimit();

        @WithDefault("500")
        int maxLimit();

        /** A search running longer is cancelled and answered with 503 and a hint to narrow it. */
        @WithDefault("20s")
        Duration timeout();
    }

    interface Export {
        /** Rows in one CSV export at most (newest first); narrow the time range for more. */
        @WithDefault("100000")
        int maxRows();
    }

    interface Dashboard {
        /** Entries in each top-N list of a panel. */
        @WithDefault("5")
        int topN();

        /** Points of a panel time series at most; the bucket size is chosen so the range fits. */
        @WithDefault("200")
        int maxPoints();

        /** Outlier series in one panels response at most (those with outliers and the highest values first). */
        @WithDefault("20")
        int maxOutlierSeries();

        /**
         * Rows of whole hours' counts the dashboard keeps in memory at most (about 100 bytes each), shared by all
         * filters; a week of a busy organisation's findings is a few hundred thousand.
         */
        @WithDefault("1000000")
        long cachedRows();

        /**
         * How often the default views (all accounts, last 24 hours and last 7 days) are drawn in the background so
         * they are in memory when an analyst opens them (a duration, or {@code off}).
         */
        @WithDefault("1m")
        String warmInterval();

        /** The rule whose findings are failed console sign-ins (map of failures by country). */
        @WithDefault("cis-console-auth-failures")
        String failedLoginRule();
    }

    interface Auth {
        /**
         * Maps role names from an OIDC token (e.g. groups) to Trailwatch roles, e.g.
         * {@code trailwatch.query.auth.role-mapping.soc-admins=admin}. viewer, analyst and admin map to themselves.
         */
        Map<String, String> roleMapping();

        /** Validity of an API token when the request does not say. */
        @WithDefault("90D")
        Duration tokenDefaultValidity();

        /** Longest validity an API token may be given. */
        @WithDefault("365D")
        Duration tokenMaxValidity();
    }

    interface Backend {
        /** Base URL, e.g. http://alert-service:8083; unset means the proxy answers 502 "not configured". */
        Optional<String> url();

        /** The service account this service uses towards the backend (HTTP Basic). */
        @WithDefault("admin")
        String user();

        Optional<String> password();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("30s")
        Duration requestTimeout();
    }
}
