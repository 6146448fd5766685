/**
 * The small shared kernel of value types: validated, immutable records for the identifiers and amounts that every
 * module exchanges (unified social credit codes, resident identity numbers, administrative division codes and money
 * in yuan). It uses no Spring and depends on no other module, so any module may depend on it.
 */
package org.unionhub.common;
