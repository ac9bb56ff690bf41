package org.openaims.identity.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.identity.NewUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserAdministration;
import org.openaims.identity.UserChanges;
import org.openaims.identity.UserDirectory;
import org.openaims.identity.UserView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users: everyone signed in may list them (to pick owners); administrators create and change them. */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

	private final UserDirectory directory;

	private final UserAdministration administration;

	UserApiController(UserDirectory directory, UserAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@GetMapping
	Page<UserView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String q,
			@RequestParam(required = false) Role role, @RequestParam(required = false) Boolean enabled) {
		return directory.list(new PageRequest(limit, after, sort), q, role, enabled);
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable UUID id) {
		return directory.find(id).orElseThrow(() -> new NotFoundException("user", id));
	}

	@PostMapping
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser user) {
		UserView created = administration.create(user);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	UserView change(@PathVariable UUID id, @Valid @RequestBody UserChanges changes) {
		return administration.change(id, changes);
	}

	/**
	 * A new password set by an administrator; the user's sessions end and, unless {@code keepTokens}
	 * is true, their API tokens are revoked.
	 */
	record PasswordReset(String password, Boolean keepTokens) {
	}

	@PostMapping("/{id}/password")
	ResponseEntity<Void> resetPassword(@PathVariable UUID id, @RequestBody PasswordReset reset) {
		administration.resetPassword(id, reset.password(), Boolean.TRUE.equals(reset.keepTokens()));
		return ResponseEntity.noContent().build();
	}
}
