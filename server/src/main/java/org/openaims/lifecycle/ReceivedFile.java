package org.openaims.lifecycle;

/** A file as received: its name and bytes. */
public record ReceivedFile(String name, byte[] content) {
}
