package io.trailwatch.query.rest;

import io.trailwatch.common.rest.ApiError;
import io.trailwatch.query.config.QueryConfig;
import io.trailwatch.query.repository.StoreException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A search cancelled by its time limit, or a database that does not answer: 503 with what to do. */
public class StoreExceptionMapper {

    private static final Logger LOG = Logger.getLogger(StoreExceptionMapper.class);

    private final QueryConfig config;

    public StoreExceptionMapper(QueryConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response storeException(StoreException e) {
        if (e.isTimeout()) {
            return json(new ApiError(503, "search_timeout", "the search took longer than "
                    + config.search().timeout().toSeconds() + " s and was cancelled: narrow the time range or add "
                    + "filters"));
        }
        LOG.errorf("query store failure: %s", e.getMessage());
        return json(new ApiError(503, "store_unavailable", "the query store failed to answer; try again later"));
    }

    private static Response json(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
