package io.trailwatch.alert.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.repository.FindingStore;
import io.trailwatch.alert.repository.GroupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Resolution of findings by triage (query-service calls {@code POST /api/v1/findings/{id}/resolved}): a finding
 * not notified yet never will be; a notified one is reported resolved at its group's next flush (PagerDuty
 * resolve, Opsgenie close, a Jira comment, ...). Idempotent; a resolution may arrive before the finding itself.
 */
@ApplicationScoped
public class ResolutionService {

    private final FindingStore findings;
    private final GroupStore groups;
    private final ObjectMapper mapper;

    public ResolutionService(FindingStore findings, GroupStore groups, ObjectMapper mapper) {
        this.findings = findings;
        this.groups = groups;
        this.mapper = mapper;
    }

    @Transactional
    public ObjectNode resolve(String findingId, String resolvedBy, String comment) {
        if (findingId == null || findingId.isBlank() || findingId.length() > 200) {
            throw Input.bad("the finding id must be 1-200 characters");
        }
        Instant now = Instant.now();
        Map.Entry<FindingStore.Resolution, Boolean> recorded = findings.resolve(findingId, resolvedBy, comment, now);
        int notifying = recorded.getValue() ? groups.resolve(findingId, now) : 0;
        FindingStore.Resolution r = recorded.getKey();
        ObjectNode view = mapper.createObjectNode();
        view.put("findingId", findingId);
        view.put("resolvedAt", r.resolvedAt().toString());
        view.put("resolvedBy", r.resolvedBy());
        if (r.comment() != null) {
            view.put("comment", r.comment());
        }
        view.put("known", findings.receivedAt(findingId).isPresent());
        view.put("groupsNotified", notifying);
        view.put("alreadyResolved", !recorded.getValue());
        return view;
    }
}
