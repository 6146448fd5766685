package org.unionhub.membership.card;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Membership cards", description = "The e-membership card and checking it offline or online")
@RestController
class CardApiController {

    private final ECards cards;

    CardApiController(ECards cards) {
        this.cards = cards;
    }

    @Operation(summary = "The e-membership card of an approved application (no sign-in; the application's secret)",
            description = "Name, member number, union, joined date, the mutual-aid card's status and masked number, "
                    + "and a signed token with its QR code (an SVG of the verify link). 404 for a wrong or missing "
                    + "secret as for an unknown number; 409 NOT_APPROVED before approval")
    @GetMapping("/api/v1/membership-applications/{applicationNo}/card")
    ECards.ECard card(@PathVariable String applicationNo, @RequestParam(required = false) String secret) {
        return cards.forApplication(applicationNo, secret, CardApiController::verifyUrl);
    }

    /** The link that checks {@code token} online, on the host the request came to; the card's QR code holds it. */
    static String verifyUrl(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/cards/verify")
                .queryParam("token", token).build().toUriString();
    }

    @Operation(summary = "Check an e-card's token (no sign-in)",
            description = "Always 200: valid=false for a token the platform did not sign or that was altered")
    @GetMapping("/api/v1/cards/verify")
    ECards.Verification verify(@RequestParam(required = false) String token) {
        return cards.verify(token);
    }

    @Operation(summary = "The public key that checks e-cards offline (no sign-in)")
    @GetMapping("/api/v1/cards/public-key")
    ECards.PublicKey publicKey() {
        return cards.publicKey();
    }
}
