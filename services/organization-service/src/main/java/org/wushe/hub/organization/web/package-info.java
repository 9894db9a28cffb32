/** Web edges shared by the features: who may call what (path rules). Conflicts the database finds are 409 problems by the platform's ServiceProblems, with this service's UniqueFields (OrganizationServiceApplication). */
package org.wushe.hub.organization.web;
