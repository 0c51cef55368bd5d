package io.trailwatch.rules.engine.cloudtrail;

import java.io.IOException;

/** A file that is not a readable CloudTrail log file; the message names the file and the problem. */
public class InvalidCloudTrailFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public InvalidCloudTrailFileException(String message) {
        super(message);
    }

    public InvalidCloudTrailFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
