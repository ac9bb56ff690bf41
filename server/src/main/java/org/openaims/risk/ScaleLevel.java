package org.openaims.risk;

/** One level of a likelihood or impact scale: its name and what it means. Level numbers start at 1. */
public record ScaleLevel(String name, String description) {
}
