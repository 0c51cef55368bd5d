package io.trailwatch.simulator.scenario;

import io.trailwatch.simulator.event.CloudTrailEvent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One injection of a scenario: its records and what a correct platform should raise for them. */
public final class ScenarioRun {

    private final String id;
    private final Scenario scenario;
    private final long start;
    private final long end;
    private final List<String> accounts;
    private final List<String> regions;
    private final List<String> eventIds;
    private final String summary;
    private int undelivered;

    public ScenarioRun(String id, Scenario scenario, long start, List<CloudTrailEvent> events, String summary) {
        this.id = id;
        this.scenario = scenario;
        this.start = start;
        Set<String> acc = new LinkedHashSet<>();
        Set<String> reg = new LinkedHashSet<>();
        List<String> idsList = new ArrayList<>(events.size());
        long last = start;
        for (CloudTrailEvent e : events) {
            acc.add(e.accountId());
            reg.add(e.region());
            idsList.add(e.eventId());
            last = Math.max(last, e.eventTime());
        }
        this.end = last;
        this.accounts = List.copyOf(acc);
        this.regions = List.copyOf(reg);
        this.eventIds = List.copyOf(idsList);
        this.summary = summary;
        this.undelivered = events.size();
    }

    /** {@code <scenario>#<occurrence>}, e.g. {@code console-brute-force#3}. */
    public String id() {
        return id;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Epoch second of the run's first record. */
    public long start() {
        return start;
    }

    /** Epoch second of the run's last record. */
    public long end() {
        return end;
    }

    public List<String> accounts() {
        return accounts;
    }

    public List<String> regions() {
        return regions;
    }

    public List<String> eventIds() {
        return eventIds;
    }

    public List<String> expectedRules() {
        return scenario.expectedRules();
    }

    public String summary() {
        return summary;
    }

    /** Counts one of the run's records as delivered; true when that was the last one. */
    public boolean delivered() {
        undelivered--;
        return undelivered == 0;
    }
}
