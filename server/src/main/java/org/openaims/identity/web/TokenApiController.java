package org.openaims.identity.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.identity.ApiTokenService;
import org.openaims.identity.ApiTokenView;
import org.openaims.identity.IssuedApiToken;
import org.openaims.identity.NewApiToken;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's API tokens: issue (secret shown once), list without secrets, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final ApiTokenService tokens;

	TokenApiController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	/** The caller's tokens; {@code ?all=true} lists every user's (administrators). */
	@GetMapping
	List<ApiTokenView> list(@RequestParam(defaultValue = "false") boolean all) {
		return all ? tokens.all() : tokens.mine();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IssuedApiToken issue(@Valid @RequestBody NewApiToken request) {
		return tokens.issue(request);
	}

	@DeleteMapping("/{id}")
	ApiTokenView revoke(@PathVariable UUID id) {
		return tokens.revoke(id);
	}
}
