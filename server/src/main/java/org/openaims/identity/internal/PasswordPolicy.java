package org.openaims.identity.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openaims.common.InvalidInputException;
import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharactersRule;
import org.passay.Rule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;

/**
 * What a password must be (Passay): 12 to 200 characters, not one of the 30,000 passwords most
 * often found in breaches (the list bundled in {@code identity/common-passwords.txt}, from zxcvbn),
 * not containing the username forwards or backwards, and without long runs of one character or of
 * keyboard, letter or digit sequences.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 200;

	private static final PasswordValidator VALIDATOR = new PasswordValidator(rules());

	private PasswordPolicy() {
	}

	/** Throws a 400 naming {@code field} with every rule the password breaks. */
	public static void check(String field, String username, String password) {
		if (password == null) {
			throw new InvalidInputException(field, "must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
		}
		PasswordData data = username == null || username.isBlank() ? new PasswordData(password)
				: new PasswordData(username, password);
		RuleResult result = VALIDATOR.validate(data);
		if (!result.isValid()) {
			List<String> reasons = new ArrayList<>();
			for (RuleResultDetail detail : result.getDetails()) {
				String reason = reason(detail.getErrorCode());
				if (!reasons.contains(reason)) {
					reasons.add(reason);
				}
			}
			throw new InvalidInputException(field, String.join("; ", reasons));
		}
	}

	private static String reason(String code) {
		return switch (code) {
			case LengthRule.ERROR_CODE_MIN, LengthRule.ERROR_CODE_MAX -> "must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";
			case DictionaryRule.ERROR_CODE -> "is one of the most common passwords found in breaches; choose another";
			case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED -> "must not contain the username";
			case RepeatCharactersRule.ERROR_CODE -> "repeats one character too often in a row";
			default -> "contains an easily guessed sequence (such as 12345, abcde or qwert)";
		};
	}

	private static List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		rules.add(new LengthRule(MIN_LENGTH, MAX_LENGTH));
		rules.add(new UsernameRule(true, true));
		rules.add(new DictionaryRule(new WordListDictionary(commonPasswords())));
		rules.add(new RepeatCharactersRule(5, 1));
		rules.add(new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false));
		rules.add(new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false));
		rules.add(new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false));
		return rules;
	}

	private static ArrayWordList commonPasswords() {
		try (Reader list = new InputStreamReader(
				PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt"), StandardCharsets.UTF_8)) {
			return WordLists.createFromReader(new Reader[] { list }, false, new ArraysSort());
		}
		catch (IOException | NullPointerException e) {
			throw new UncheckedIOException(new IOException("the bundled list of common passwords cannot be read", e));
		}
	}
}
