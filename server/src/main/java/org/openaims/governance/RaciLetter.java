package org.openaims.governance;

/** Responsible, Accountable (exactly one per subject), Consulted, Informed. */
public enum RaciLetter {
	R, A, C, I
}
