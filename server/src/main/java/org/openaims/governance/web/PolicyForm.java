package org.openaims.governance.web;

import java.util.Arrays;
import java.util.List;

import org.openaims.governance.NewPolicy;
import org.openaims.governance.PolicyDetails;
import org.openaims.governance.PolicyView;

/**
 * The policy form: the clauses and controls it addresses are typed as one comma-separated line;
 * {@code body} is the first draft's text (new policies only).
 */
public record PolicyForm(String title, String owner, Integer reviewIntervalMonths, Integer approvalsRequired, String addresses,
		String alignedWith, String body, Long version) {

	static PolicyForm blank(String owner) {
		return new PolicyForm(null, owner, 12, 1, "", null, null, null);
	}

	static PolicyForm of(PolicyView p) {
		return new PolicyForm(p.title(), p.owner(), p.reviewIntervalMonths(), p.approvalsRequired(), String.join(", ", p.addresses()),
				p.alignedWith(), null, p.version());
	}

	NewPolicy toNew() {
		return new NewPolicy(title, owner, reviewIntervalMonths, approvalsRequired, addressList(), alignedWith, body);
	}

	PolicyDetails toDetails() {
		return new PolicyDetails(title, owner, reviewIntervalMonths, approvalsRequired, addressList(), alignedWith, version);
	}

	private List<String> addressList() {
		return addresses == null ? List.of() : Arrays.stream(addresses.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
	}
}
