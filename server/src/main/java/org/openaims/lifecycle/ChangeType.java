package org.openaims.lifecycle;

/** What a change of an AI system is. */
public enum ChangeType {
	MODEL_RETRAINED, DATA_CHANGED, PROMPT_OR_CONFIGURATION_CHANGED, INFRASTRUCTURE, VENDOR_MODEL_UPDATED, RETIREMENT
}
