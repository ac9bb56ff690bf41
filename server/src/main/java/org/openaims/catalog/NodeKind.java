package org.openaims.catalog;

/**
 * What a requirement node is: a management-system clause, an Annex A control objective (a group of
 * controls), a control (what a Statement of Applicability lists), another assessable requirement, or
 * a plain grouping heading.
 */
public enum NodeKind {
	CLAUSE, OBJECTIVE, CONTROL, REQUIREMENT, GROUP
}
