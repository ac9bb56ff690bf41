package org.openaims.common;

/**
 * A domain event that goes into the tamper-evident ledger: it says what it is about and carries its
 * stamp (id, time, actor). Every state change of every module publishes one. Supports 7.5.3 and A.6.2.8.
 */
public interface Audited {

	Stamp stamp();

	Subject subject();

	/**
	 * The event's name in the ledger and in histories: the class name, unless one event class stands
	 * for several named events (a review step is {@code PolicyVersionApproved}, {@code SoaVersionSubmitted} …).
	 */
	default String eventType() {
		return getClass().getSimpleName();
	}
}
