package org.rectify.notification.web;

import java.util.List;

import jakarta.validation.Valid;
import org.rectify.notification.MessengerChannelInput;
import org.rectify.notification.MessengerChannelView;
import org.rectify.notification.MessengerChannels;
import org.rectify.notification.MessengerDeliveryView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

/** ADMIN: the messenger channels (WeCom and DingTalk group robots) and the messages given up on. */
@RestController
@RequestMapping("/api/admin")
class MessengerChannelController {

    private final MessengerChannels channels;

    MessengerChannelController(MessengerChannels channels) {
        this.channels = channels;
    }

    @GetMapping("/messenger-channels")
    List<MessengerChannelView> list() {
        return channels.list();
    }

    @PostMapping("/messenger-channels")
    @ResponseStatus(HttpStatus.CREATED)
    MessengerChannelView add(@Valid @RequestBody MessengerChannelInput body) {
        return channels.add(body);
    }

    /** An empty or missing token or secret keeps the one stored. */
    @PutMapping("/messenger-channels/{id}")
    MessengerChannelView change(@PathVariable Long id, @Valid @RequestBody MessengerChannelInput body) {
        return channels.change(id, body);
    }

    @PostMapping("/messenger-channels/{id}/disable")
    MessengerChannelView disable(@PathVariable Long id) {
        return channels.disable(id);
    }

    @PostMapping("/messenger-channels/{id}/test")
    MessengerChannels.TestResult test(@PathVariable Long id) {
        return channels.test(id);
    }

    @GetMapping("/messenger-deliveries/failed")
    List<MessengerDeliveryView> failed() {
        return channels.failed();
    }

    @PostMapping("/messenger-deliveries/{id}/retry")
    MessengerDeliveryView retry(@PathVariable Long id) {
        return channels.retry(id);
    }
}
