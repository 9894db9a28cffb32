package org.wushe.hub.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.notification.outbox.Notification;
import org.wushe.hub.notification.outbox.NotificationTexts;
import org.wushe.hub.notification.outbox.Notifications;
import org.wushe.hub.notification.outbox.Recipient;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.web.InvalidInputException;

/** The caller's notifications: a volunteer's own, and their station's for its staff. */
@RestController
@RequestMapping("/notifications")
@Tag(name = "inbox", description = "My notifications 我的通知")
public class InboxController {

    static final int MAX_SIZE = 100;

    private final Notifications notifications;

    public InboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** One notification as the inbox shows it. */
    public record Item(
            UUID id,
            String kind,
            String recipientKind,
            String title,
            String body,
            String link,
            Instant createdAt,
            Instant readAt) {}

    public record Inbox(List<Item> items, long unread, int page, int size) {}

    @GetMapping("/me")
    @Operation(
            summary = "My notifications 我的通知",
            description = "Newest first; unreadOnly=true for the unread ones; page from 0, size 1–100 (default 20). "
                    + "unread counts all unread ones.")
    public Inbox mine(
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", Messages.text("inbox.page-negative"));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", Messages.text("inbox.size-range", 1, MAX_SIZE));
        }
        List<Recipient> mine = recipients();
        List<Item> items = notifications.inbox(mine, unreadOnly, page, size).stream()
                .map(InboxController::item)
                .toList();
        return new Inbox(items, notifications.unread(mine), page, size);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark read 标为已读", description = "204; 404 when it is not one of mine.")
    public ResponseEntity<Void> read(@PathVariable UUID id) {
        if (!notifications.markRead(id, recipients())) {
            throw new InvalidInputException("id", Messages.text("inbox.not-found", id), 404);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/me/read-all")
    @Operation(summary = "Mark all read 全部标为已读")
    public ResponseEntity<Void> readAll() {
        notifications.markAllRead(recipients());
        return ResponseEntity.noContent().build();
    }

    private static List<Recipient> recipients() {
        return Caller.current().map(Recipient::of).orElse(List.of());
    }

    private static Item item(Notification n) {
        var language = Messages.currentLanguage();
        return new Item(
                n.id(),
                n.kind().name(),
                n.recipient().kind(),
                NotificationTexts.title(n, language),
                NotificationTexts.body(n, language),
                n.link(),
                n.createdAt(),
                n.readAt());
    }
}
