package io.trailwatch.query.service;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.query.repository.FindingChange;
import io.trailwatch.query.repository.FindingComment;
import io.trailwatch.query.repository.FindingTriage;
import io.trailwatch.query.repository.TriageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Changes the triage state of findings, recording every change (who, when, field, from, to). */
@ApplicationScoped
public class TriageService {

    public static final Set<String> STATUSES = Set.of("open", "acknowledged", "resolved", "false_positive");
    public static final int MAX_COMMENT = 10_000;
    public static final int MAX_ASSIGNEE = 256;

    /**
     * A requested change; an empty Optional leaves a field as it is.
     *
     * @param assignee present-and-null (or blank) unassigns
     * @param expectedVersion the version the caller saw; a finding changed since is refused with 409
     */
    public record Change(Optional<String> status, Optional<Optional<String>> assignee, Optional<String> comment,
                         Optional<Integer> expectedVersion) {

        /** Checks the values; every message names the field. */
        public Change validated() {
            status.ifPresent(s -> {
                if (!STATUSES.contains(s)) {
                    throw ApiException.badRequest("'status' must be one of open, acknowledged, resolved, "
                            + "false_positive, got '" + s + "'");
                }
            });
            assignee.flatMap(a -> a).ifPresent(a -> {
                if (a.length() > MAX_ASSIGNEE || a.chars().anyMatch(Character::isISOControl)) {
                    throw ApiException.badRequest("'assignee' must be a user name of at most " + MAX_ASSIGNEE
                            + " characters without control characters");
                }
            });
            comment.ifPresent(c -> checkComment("comment", c));
            if (status.isEmpty() && assignee.isEmpty() && comment.isEmpty()) {
                throw ApiException.badRequest("nothing to change: send 'status', 'assignee' and/or 'comment'");
            }
            return this;
        }
    }

    /** What a bulk change did. */
    public record BulkResult(List<String> updated, List<String> unchanged, List<String> notFound) {
    }

    private final TriageRepository triage;

    public TriageService(TriageRepository triage) {
        this.triage = triage;
    }

    @Transactional
    public void change(String findingId, Change change, String actor) {
        FindingTriage finding = triage.lock(findingId)
                .orElseThrow(() -> ApiException.notFound("no finding with id '" + findingId + "'"));
        apply(finding, change, actor);
    }

    /** Applies one change to many findings in one transaction (all or nothing). */
    @Transactional
    public BulkResult changeAll(List<String> findingIds, Change change, String actor) {
        if (change.expectedVersion().isPresent()) {
            throw ApiException.badRequest("'version' applies to a single finding; leave it out of a bulk change");
        }
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String id : findingIds.stream().distinct().sorted().toList()) {
            Optional<FindingTriage> finding = triage.lock(id);
            if (finding.isEmpty()) {
                notFound.add(id);
            } else if (apply(finding.get(), change, actor)) {
                updated.add(id);
            } else {
                unchanged.add(id);
            }
        }
        return new BulkResult(updated, unchanged, notFound);
    }

    @Transactional
    public FindingComment comment(String findingId, String text, String author) {
        checkComment("text", text);
        FindingTriage finding = triage.lock(findingId)
                .orElseThrow(() -> ApiException.notFound("no finding with id '" + findingId + "'"));
        return addComment(finding, text, author, Instant.now());
    }

    /** Returns whether anything changed. */
    private boolean apply(FindingTriage finding, Change change, String actor) {
        if (change.expectedVersion().isPresent() && change.expectedVersion().get() != finding.version) {
            throw ApiException.conflict("finding '" + finding.findingId + "' was changed by someone else since "
                    + "version " + change.expectedVersion().get() + " (it is at version " + finding.version
                    + "): reload it and try again");
        }
        Instant now = Instant.now();
        boolean changed = false;
        if (change.status().isPresent() && !change.status().get().equals(finding.status)) {
            record(finding, actor, now, "status", finding.status, change.status().get());
            finding.status = change.status().get();
            changed = true;
        }
        if (change.assignee().isPresent()) {
            String assignee = change.assignee().get().map(String::strip).filter(a -> !a.isEmpty()).orElse(null);
            if (!Objects.equals(assignee, finding.assignee)) {
                record(finding, actor, now, "assignee", finding.assignee, assignee);
                finding.assignee = assignee;
                changed = true;
            }
        }
        if (changed) {
            finding.version++;
            finding.updatedAt = now;
            finding.updatedBy = actor;
        }
        if (change.comment().isPresent()) {
            addComment(finding, change.comment().get(), actor, now);
            changed = true;
        }
        return changed;
    }

    private FindingComment addComment(FindingTriage finding, String text, String author, Instant now) {
        FindingComment comment = new FindingComment();
        comment.findingId = finding.findingId;
        comment.author = author;
        comment.body = text.strip();
        comment.createdAt = now;
        triage.add(comment);
        finding.commentCount++;
        return comment;
    }

    private void record(FindingTriage finding, String actor, Instant now, String field, String from, String to) {
        FindingChange change = new FindingChange();
        change.findingId = finding.findingId;
        change.actor = actor;
        change.changedAt = now;
        change.field = field;
        change.fromValue = from;
        change.toValue = to;
        triage.add(change);
    }

    private static void checkComment(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("'" + field + "' (a comment) must not be empty");
        }
        if (text.length() > MAX_COMMENT) {
            throw ApiException.badRequest("'" + field + "' (a comment) may have at most " + MAX_COMMENT
                    + " characters, got " + text.length());
        }
        if (text.indexOf('\0') >= 0) {
            throw ApiException.badRequest("'" + field + "' (a comment) must not contain U+0000");
        }
    }
}
