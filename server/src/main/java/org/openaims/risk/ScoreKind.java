package org.openaims.risk;

/** Which score of a risk: before treatment (inherent), planned after treatment (target) or reached (residual). */
public enum ScoreKind {
	INHERENT, TARGET, RESIDUAL
}
