package org.bianmin.inquiries;

import org.bianmin.web.InputWindow;
import jakarta.validation.Valid;

import java.time.Instant;
import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.bianmin.staff.HallTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/inquiries}: the first-inquiry register; the caller is the first person asked. */
@RestController
@RequestMapping("/api/inquiries")
class InquiryController {


    private final InquiryService inquiries;

    private final InputWindow window;

    InquiryController(InquiryService inquiries, InputWindow window) {
        this.inquiries = inquiries;
        this.window = window;
    }

    @Authorized(Action.INQUIRY_REGISTER)
    @PostMapping
    ResponseEntity<InquiryService.InquiryView> register(@Valid @RequestBody InquiryService.InquiryRequest request, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(inquiries.register(request, user.id()));
    }

    @Authorized(Action.INQUIRY_READ)
    @GetMapping
    List<InquiryService.InquiryView> list(@RequestParam(required = false) String firstPerson,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to, CurrentUser user) {
        Instant start = from == null ? Instant.EPOCH : window.time("from", from).toInstant();
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : window.time("to", to).toInstant();
        return inquiries.list(firstPerson, start, end);
    }
}
