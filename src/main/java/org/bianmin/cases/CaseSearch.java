package org.bianmin.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.identity.CurrentUser;
import org.bianmin.web.ApiException;
import org.bianmin.web.InputWindow;
import org.springframework.stereotype.Service;

/** The case search of clerks, supervisors and directors (GET /api/cases): checks the query, masks by the viewer. */
@Service
public class CaseSearch {

    static final int MAX_TEXT = 100;
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** The query as the request gives it. */
    public record Query(String q, String itemCode, String window, String state, String from, String to, String page,
                        String size) {
    }

    /** One page and how many cases match in all. */
    public record Answer(List<CaseViews.ListItem> items, long total) {
    }

    private final CaseRepository cases;
    private final CaseViews views;
    private final CaseAccess access;
    private final InputWindow window;
    private final ZoneId zone;

    public CaseSearch(CaseRepository cases, CaseViews views, CaseAccess access, InputWindow window, CalendarService calendars) {
        this.cases = cases;
        this.views = views;
        this.access = access;
        this.window = window;
        this.zone = calendars.calendar().zone();
    }

    public Answer search(Query query, CurrentUser user) {
        String text = blank(query.q());
        if (text != null && (text.length() > MAX_TEXT || text.codePoints().anyMatch(Character::isISOControl))) {
            throw ApiException.invalidField("q", "查询内容须为单行文字, 不超过" + MAX_TEXT + "个字符",
                    "a single line of at most " + MAX_TEXT + " characters");
        }
        CaseState state = null;
        if (blank(query.state()) != null) {
            try {
                state = CaseState.valueOf(query.state().strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("state", "案件状态不存在: " + query.state(), "no such state");
            }
        }
        Instant from = blank(query.from()) == null ? null : window.day("from", query.from()).atStartOfDay(zone).toInstant();
        Instant to = blank(query.to()) == null ? null : window.day("to", query.to()).plusDays(1).atStartOfDay(zone).toInstant();
        int page = number("page", query.page(), 0, 0, 100_000);
        int size = number("size", query.size(), DEFAULT_SIZE, 1, MAX_SIZE);
        CaseRepository.Page found = cases.search(text, blank(query.itemCode()), blank(query.window()), state, from, to, page, size);
        return new Answer(found.items().stream().map(c -> views.listItem(c, access.belongs(user, c))).toList(), found.total());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int number(String field, String text, int otherwise, int min, int max) {
        if (blank(text) == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalidField(field, "须为" + min + "到" + max + "之间的整数", "must be a whole number from " + min + " to " + max);
    }
}
