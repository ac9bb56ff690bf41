package org.openaims.assurance;

/** What a checklist item is about: a clause, an Annex A control, an AI system or a process. */
public enum ScopeKind {
	CLAUSE, CONTROL, AI_SYSTEM, PROCESS
}
