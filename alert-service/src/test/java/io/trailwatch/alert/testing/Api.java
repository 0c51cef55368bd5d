package io.trailwatch.alert.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** REST calls as the test users (passwords from the test-only microprofile-config.properties). */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "test-" + user).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    public static ValidatableResponse createChannel(String json) {
        return admin().body(json).post("/api/v1/channels").then();
    }

    public static ValidatableResponse createRoute(String json) {
        return admin().body(json).post("/api/v1/routes").then();
    }
}
