/** The web shell: layout, navigation, dashboard and error pages; each module keeps its own pages. */
package org.openaims.web;
