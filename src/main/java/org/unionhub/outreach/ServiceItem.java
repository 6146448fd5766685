package org.unionhub.outreach;

/**
 * An item of a service package (服务包) catalogue, kept by a district union or by the federation (then offered
 * everywhere). A retired item ({@code active} false) is no longer offered but stays on the sessions that offered it.
 */
public record ServiceItem(long id, long ownerOrgId, String ownerName, boolean cityWide, String name,
        String description, boolean active) {
}
