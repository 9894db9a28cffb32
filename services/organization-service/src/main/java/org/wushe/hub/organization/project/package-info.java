/**
 * Public-benefit projects (公益项目) of social organizations: goal, period, budget, the communities
 * served, venture-philanthropy grants (公益创投) won, and the people reached when they close;
 * ProjectLaunched, ProjectGrantAwarded, ProjectClosed.
 */
package org.wushe.hub.organization.project;
