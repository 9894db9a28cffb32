/** Web edges shared by the features: who may call what (path rules) and who asks (the token's subject). Conflicts the database finds are 409 problems by the platform's ServiceProblems, with this service's UniqueFields (CommunityServiceApplication). */
package org.wushe.hub.community.web;
