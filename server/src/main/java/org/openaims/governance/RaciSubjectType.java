package org.openaims.governance;

/** What a RACI is for: an AI system, a control (e.g. A.6.2.4) or a process (e.g. "incident response"). */
public enum RaciSubjectType {
	AI_SYSTEM, CONTROL, PROCESS
}
