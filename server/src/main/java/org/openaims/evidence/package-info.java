/**
 * Evidence (7.5, A.4.6, 7.2): the store of uploaded files that every module shares, evidence items —
 * files in versions, links, references to other modules' records and notes — with the period they
 * prove, when they were received and how long they are valid, linked to requirements and controls of
 * any framework, to AI systems and to records; their expiry; and competence records of the people who
 * hold AIMS roles, with the gaps where a role holder has no current one.
 */
package org.openaims.evidence;
