package org.unionhub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest possible answer of the app, without sign-in and without the database: for the mini program's
 * connectivity check, and the HTTP ceiling that the benchmarks compare real endpoints against.
 */
@Tag(name = "Platform")
@RestController
class PingController {

    @Operation(summary = "Answers pong; touches nothing")
    @GetMapping("/api/v1/ping")
    String ping() {
        return "pong";
    }
}
