/**
 * The caller's inbox ({@code GET /notifications/me}, marking read): the notifications of the recipients the
 * caller's token holds (itself as a volunteer, its station as staff), titles and bodies in the request's language.
 * Another recipient's notification is answered 404, never revealed.
 */
package org.wushe.hub.notification.inbox;
