package org.openaims.identity;

/** A newly issued token with its secret, shown to the caller this once and never again. */
public record IssuedApiToken(ApiTokenView token, String secret) {
}
