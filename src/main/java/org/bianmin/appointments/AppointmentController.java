package org.bianmin.appointments;

import java.util.List;
import org.bianmin.identity.Action;
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

    @PostMapping
    ResponseEntity<AppointmentService.AppointmentView> book(@RequestBody AppointmentService.BookingRequest request, CurrentUser user) {
        user.require(Action.APPOINTMENT_BOOK);
        return ResponseEntity.status(HttpStatus.CREATED).body(appointments.book(request, user));
    }

    @GetMapping("/{id}")
    AppointmentService.AppointmentView find(@PathVariable long id, CurrentUser user) {
        user.require(Action.APPOINTMENT_READ);
        return appointments.get(id);
    }

    @GetMapping
    List<AppointmentService.AppointmentView> list(@RequestParam(required = false) String date,
                                                  @RequestParam(required = false) String person,
                                                  @RequestParam(required = false) String window, CurrentUser user) {
        user.require(Action.APPOINTMENT_READ);
        return appointments.list(date, person, window);
    }

    @PostMapping("/{id}/cancel")
    AppointmentService.AppointmentView cancel(@PathVariable long id,
                                              @RequestBody(required = false) AppointmentService.CancelRequest request, CurrentUser user) {
        user.require(Action.APPOINTMENT_CHANGE);
        return appointments.cancel(id, request, user);
    }

    @PostMapping("/{id}/missed")
    AppointmentService.AppointmentView missed(@PathVariable long id,
                                              @RequestBody(required = false) AppointmentService.MissedRequest request, CurrentUser user) {
        user.require(Action.APPOINTMENT_CHANGE);
        return appointments.missed(id, request, user);
    }

    @PostMapping("/{id}/cannot-serve")
    AppointmentService.AppointmentView cannotServe(@PathVariable long id,
                                                   @RequestBody(required = false) AppointmentService.CannotServeRequest request,
                                                   CurrentUser user) {
        user.require(Action.APPOINTMENT_CHANGE);
        return appointments.cannotServe(id, request, user);
    }
}
