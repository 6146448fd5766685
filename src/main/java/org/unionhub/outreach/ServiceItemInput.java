package org.unionhub.outreach;

/**
 * What staff enter for a catalogue item: the keeping union (a district or the federation; set when the item is made),
 * its name and description, and whether it is still offered (absent means yes).
 */
public record ServiceItemInput(Long ownerOrgId, String name, String description, Boolean active) {
}
