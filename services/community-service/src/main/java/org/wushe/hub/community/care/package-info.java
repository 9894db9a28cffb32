/** Care visits (关爱走访) to the elderly living alone: a plan per resident with a risk that sets the schedule (CareSchedule), visits recorded by the grid worker, overdue visits listed for the grid and the station; CareVisitDue through the outbox. */
package org.wushe.hub.community.care;
