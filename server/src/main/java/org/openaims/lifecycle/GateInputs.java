package org.openaims.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rules of the release gate that need another module's records (a current impact assessment, the
 * system's risks reviewed, no open critical incident …), implemented by that module as a Spring bean.
 * The lifecycle module depends on none of them: a gate policy may name a rule only when some module
 * answers it, and the gate asks that module.
 */
public interface GateInputs {

	/** The rules this answers, by the names a gate policy gives them. */
	Set<String> rules();

	/**
	 * Problems with a rule's settings in a policy being saved (empty when they are fine). Settings are
	 * the rule's YAML mapping: text, whole numbers, booleans and lists of text.
	 */
	List<String> check(String rule, Map<String, Object> settings);

	/** The rule's verdict on a change, with what was expected and found and the digests of the records read. */
	RuleResult evaluate(String rule, Map<String, Object> settings, Subject subject);

	/** The change the gate decides on. */
	record Subject(UUID aiSystemId, String aiSystemName, String systemVersion, UUID changeId, Instant changeOpenedAt) {
	}

	/** One rule's verdict; {@code inputs} name the records read, each with the SHA-256 of what was read. */
	record RuleResult(String rule, String expected, String found, boolean pass, List<Input> inputs) {

		public RuleResult {
			inputs = inputs == null ? List.of() : List.copyOf(inputs);
		}
	}

	/** A record a rule read: its type, id and the SHA-256 of the fields the rule looked at. */
	record Input(String type, String id, String sha256) {
	}
}
