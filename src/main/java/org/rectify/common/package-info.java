/**
 * Shared kernel: the few exception types every module throws and the web layer translates.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rectify.common;
