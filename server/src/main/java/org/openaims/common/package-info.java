/**
 * Shared kernel: keyset pages, input problems, CSV reading and writing, and the RFC 9457 problem
 * details every REST controller answers with. Open to all modules; holds no business data.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openaims.common;
