/** RFC 9457 problem details for every error a REST controller answers. */
package org.openaims.common.web;
