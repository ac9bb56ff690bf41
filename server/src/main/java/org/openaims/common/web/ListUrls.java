package org.openaims.common.web;

import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/** Links of list pages: the current filters with a sort order and a page cursor. */
public final class ListUrls {

	private ListUrls() {
	}

	/** {@code path?filters&sort=..&after=..}, leaving out blank filters. */
	public static String url(String path, Map<String, Object> query, String sort, String after) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		query.forEach((k, v) -> {
			if (v != null && !String.valueOf(v).isBlank()) {
				builder.queryParam(k, v);
			}
		});
		if (sort != null) {
			builder.queryParam("sort", sort);
		}
		if (after != null) {
			builder.queryParam("after", after);
		}
		return builder.encode().build().toUriString();
	}
}
