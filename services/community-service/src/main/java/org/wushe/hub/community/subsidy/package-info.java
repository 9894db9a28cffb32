/** Help with subsidy applications (补助申请): the kind, where it stands (prepared, submitted, decided, withdrawn), for a resident of a household of the grid; no amount, no income. SubsidyApplicationChanged through the outbox. */
package org.wushe.hub.community.subsidy;
