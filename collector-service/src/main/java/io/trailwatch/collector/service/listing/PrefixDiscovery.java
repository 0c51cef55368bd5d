package io.trailwatch.collector.service.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * Finds every account and region folder under {@code <root>AWSLogs/}, in both layouts CloudTrail writes: a trail
 * of one account ({@code AWSLogs/<account>/CloudTrail/<region>/}) and an organisation trail
 * ({@code AWSLogs/<o-id>/<account>/CloudTrail/<region>/}); for each, the {@code CloudTrail-Insight/} folders too.
 * Digest folders are never listed. It walks folders with delimiter listings, so it never lists the files themselves.
 */
final class PrefixDiscovery {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ORGANISATION = Pattern.compile("o-[a-z0-9]{10,32}");

    private final S3Client s3;
    private final String bucket;
    private final String root;
    private final Optional<List<String>> accounts;
    private final Optional<List<String>> regions;

    /** @param prefix the trail's key prefix (what comes before {@code AWSLogs/}), empty for none */
    PrefixDiscovery(S3Client s3, String bucket, String prefix, Optional<List<String>> accounts,
                    Optional<List<String>> regions) {
        this.s3 = s3;
        this.bucket = bucket;
        this.root = normalise(prefix) + "AWSLogs/";
        this.accounts = accounts.filter(a -> !a.isEmpty());
        this.regions = regions.filter(r -> !r.isEmpty());
    }

    static String normalise(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    String root() {
        return root;
    }

    List<LogPrefix> discover() {
        List<String[]> accountFolders = new ArrayList<>();
        for (String folder : folders(root)) {
            String name = lastSegment(folder);
            if (ACCOUNT.matcher(name).matches()) {
                accountFolders.add(new String[] {folder, name});
            } else if (ORGANISATION.matcher(name).matches()) {
                for (String member : folders(folder)) {
                    String account = lastSegment(member);
                    if (ACCOUNT.matcher(account).matches()) {
                        accountFolders.add(new String[] {member, account});
                    }
                }
            }
        }
        List<LogPrefix> prefixes = new ArrayList<>();
        for (String[] folder : accountFolders) {
            String account = folder[1];
            if (accounts.isPresent() && !accounts.get().contains(account)) {
                continue;
            }
            for (boolean insight : new boolean[] {false, true}) {
                for (String regionFolder : folders(folder[0] + (insight ? "CloudTrail-Insight/" : "CloudTrail/"))) {
                    String region = lastSegment(regionFolder);
                    if (regions.isEmpty() || regions.get().contains(region)) {
                        prefixes.add(new LogPrefix(regionFolder, account, region, insight));
                    }
                }
            }
        }
        return prefixes;
    }

    /** The sub-folders ({@code .../name/}) directly under {@code folder}. */
    private List<String> folders(String folder) {
        List<String> found = new ArrayList<>();
        for (CommonPrefix p : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder).delimiter("/"))
                .commonPrefixes()) {
            found.add(p.prefix());
        }
        return found;
    }

    private static String lastSegment(String folder) {
        String trimmed = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
