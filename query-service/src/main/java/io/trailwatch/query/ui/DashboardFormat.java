package io.trailwatch.query.ui;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;

/** Time formatting for the dashboard template as {@code dash:} functions; plain text, escaped by Qute. */
@TemplateExtension(namespace = "dash")
public final class DashboardFormat {

    private DashboardFormat() {
    }

    /** {@code 2026-11-28 05:14:42Z} */
    public static String utc(Instant time) {
        return DashboardView.utc(time);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public static String iso(Instant time) {
        return DashboardView.iso(time);
    }
}
