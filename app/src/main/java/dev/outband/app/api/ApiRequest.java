package dev.outband.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One request as the routes see it: method, path segments after {@code /api/v1}, query and a bounded body. */
record ApiRequest(String method, List<String> path, Map<String, String> query, byte[] body) {
    String segment(int index) {
        return index < path.size() ? path.get(index) : "";
    }

    /** The body as a JSON object; bad JSON is the client's error. */
    JsonNode json(ObjectMapper json) throws ApiError {
        if (body.length == 0) {
            throw ApiError.badRequest("the request needs a JSON body");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("the body cannot be read: " + e.getMessage());
        }
    }
}
