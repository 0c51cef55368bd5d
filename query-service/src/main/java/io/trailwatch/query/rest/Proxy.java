package io.trailwatch.query.rest;

import io.trailwatch.common.rest.ApiException;
import io.trailwatch.query.client.BackendClient;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Forwards a request to a backend, path and query as received, and passes its answer back. */
final class Proxy {

    private Proxy() {
    }

    /**
     * @param localPrefix the part of our path to replace (e.g. {@code /api/v1/alerts})
     * @param backendPrefix what it stands for at the backend (e.g. {@code /api/v1})
     */
    static Response forward(BackendClient backend, String method, UriInfo uri, HttpHeaders headers, byte[] body,
                            String localPrefix, String backendPrefix, String actingUser) {
        String rawPath = uri.getRequestUri().getRawPath();
        if (!rawPath.startsWith(localPrefix)) {
            throw ApiException.notFound("no such path: " + rawPath);
        }
        String rest = rawPath.substring(localPrefix.length());
        for (String segment : rest.split("/")) {
            String decoded = URLDecoder.decode(segment, StandardCharsets.UTF_8);
            if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/") || decoded.contains("\\")) {
                throw ApiException.badRequest("path segment '" + segment + "' is not allowed");
            }
        }
        String query = uri.getRequestUri().getRawQuery();
        String target = backendPrefix + rest + (query == null ? "" : "?" + query);
        BackendClient.Answer answer = backend.call(method, target, headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                headers.getHeaderString(HttpHeaders.ACCEPT), body, actingUser);
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body().length > 0) {
            response.entity(answer.body());
        }
        answer.contentType().ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
        answer.location().ifPresent(location -> response.header(HttpHeaders.LOCATION,
                rewriteLocation(location, backend.baseUrl(), localPrefix, backendPrefix)));
        return response.build();
    }

    /** A Location at the backend, as the same resource under our prefix. */
    static String rewriteLocation(String location, String backendBase, String localPrefix, String backendPrefix) {
        String path = location.startsWith(backendBase) ? location.substring(backendBase.length()) : location;
        return path.startsWith(backendPrefix + "/") ? localPrefix + path.substring(backendPrefix.length()) : path;
    }
}
