package org.openaims.common;

/**
 * What is wrong with one input field: the field's name as the client sent it and a message a user
 * can act on.
 */
public record FieldProblem(String field, String message) {
}
