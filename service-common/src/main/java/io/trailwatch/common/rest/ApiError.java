package io.trailwatch.common.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response: a stable code and a message for a human that names the input and what is
 * wrong with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message) {
}
