/**
 * Case work (个案): a case opened by a social worker for a resident known only as residentRef, its notes
 * (assessment, sessions, closing summary) kept in this service alone, and its closing; CaseOpened and
 * CaseClosed carry neither the resident nor the notes.
 */
package org.wushe.hub.socialworker.caseload;
