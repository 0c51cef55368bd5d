package io.trailwatch.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who acted, from the record's {@code userIdentity}; any field may be null (e.g. Insights records). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Principal(String type, String arn, String userName) {
}
