/**
 * Incubation (培育) of social organizations: stages 萌芽型 → 初创型 → 成长型 → 成熟型, hub organizations
 * (枢纽型) that lead and incubate others, and which hub incubates whom; OrganizationStageChanged.
 */
package org.wushe.hub.organization.incubation;
