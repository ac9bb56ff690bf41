package org.openaims.evidence;

/** What an evidence item is: an uploaded file (in versions), a link, a reference to a record, or a note. */
public enum EvidenceKind {
	FILE, LINK, RECORD, NOTE
}
