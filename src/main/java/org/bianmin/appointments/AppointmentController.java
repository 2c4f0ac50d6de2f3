package org.bianmin.appointments;

import jakarta.validation.Valid;

import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/appointments}: book, list, cancel, record missed, cannot serve. */
@RestController
@RequestMapping("/api/appointments")
class AppointmentController {


    private final AppointmentService appointments;

    AppointmentController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @Authorized(Action.APPOINTMENT_BOOK)
    @PostMapping
    ResponseEntity<AppointmentService.AppointmentView> book(@Valid @RequestBody AppointmentService.BookingRequest request, CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(appointments.book(request, user));
    }

    @Authorized(Action.APPOINTMENT_READ)
    @GetMapping("/{id}")
    AppointmentService.AppointmentView find(@PathVariable long id, CurrentUser user) {
        return appointments.get(id);
    }

    @Authorized(Action.APPOINTMENT_READ)
    @GetMapping
    List<AppointmentService.AppointmentView> list(@RequestParam(required = false) String date,
                                                  @RequestParam(required = false) String person,
                                                  @RequestParam(required = false) String window, CurrentUser user) {
        return appointments.list(date, person, window);
    }

    @Authorized(Action.APPOINTMENT_CHANGE)
    @PostMapping("/{id}/cancel")
    AppointmentService.AppointmentView cancel(@PathVariable long id,
                                              @Valid @RequestBody(required = false) AppointmentService.CancelRequest request, CurrentUser user) {
        return appointments.cancel(id, request, user);
    }

    @Authorized(Action.APPOINTMENT_CHANGE)
    @PostMapping("/{id}/missed")
    AppointmentService.AppointmentView missed(@PathVariable long id,
                                              @Valid @RequestBody(required = false) AppointmentService.MissedRequest request, CurrentUser user) {
        return appointments.missed(id, request, user);
    }

    @Authorized(Action.APPOINTMENT_CHANGE)
    @PostMapping("/{id}/cannot-serve")
    AppointmentService.AppointmentView cannotServe(@PathVariable long id,
                                                   @Valid @RequestBody(required = false) AppointmentService.CannotServeRequest request,
                                                   CurrentUser user) {
        return appointments.cannotServe(id, request, user);
    }
}
