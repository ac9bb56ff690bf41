package org.openaims.governance.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openaims.governance.Assignment;
import org.openaims.governance.RaciLetter;
import org.openaims.governance.RaciView;
import org.openaims.identity.Role;

/**
 * The RACI form: each letter lists usernames and role names separated by commas (a role name in
 * capitals, e.g. {@code AUDITOR}, means the role); {@code oversight} lists who of them exercises
 * human oversight.
 */
public record RaciForm(String responsible, String accountable, String consulted, String informed, String oversight) {

	static RaciForm of(RaciView view) {
		return new RaciForm(names(view, RaciLetter.R), names(view, RaciLetter.A), names(view, RaciLetter.C), names(view, RaciLetter.I),
				view.assignments().stream().filter(Assignment::humanOversight).map(Assignment::assignee).distinct()
					.collect(Collectors.joining(", ")));
	}

	/** The assignments; names in {@code oversight} that hold no letter are reported in {@code problems}. */
	List<Assignment> assignments(List<String> problems) {
		Set<String> overseers = tokens(oversight);
		List<Assignment> list = new ArrayList<>();
		add(list, RaciLetter.R, responsible, overseers);
		add(list, RaciLetter.A, accountable, overseers);
		add(list, RaciLetter.C, consulted, overseers);
		add(list, RaciLetter.I, informed, overseers);
		Set<String> named = list.stream().map(Assignment::assignee).collect(Collectors.toSet());
		overseers.stream().filter(o -> !named.contains(o))
			.forEach(o -> problems.add("'" + o + "' is named for human oversight but holds no letter of the RACI"));
		return list;
	}

	private static void add(List<Assignment> list, RaciLetter letter, String text, Set<String> overseers) {
		for (String name : tokens(text)) {
			boolean role = Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name));
			list.add(new Assignment(letter, role ? Assignment.AssigneeType.ROLE : Assignment.AssigneeType.USER, name,
					overseers.contains(name)));
		}
	}

	private static Set<String> tokens(String text) {
		Set<String> tokens = new LinkedHashSet<>();
		if (text != null) {
			Arrays.stream(text.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(tokens::add);
		}
		return tokens;
	}

	private static String names(RaciView view, RaciLetter letter) {
		return view.assignments().stream().filter(a -> a.letter() == letter).map(Assignment::assignee)
			.collect(Collectors.joining(", "));
	}
}
