package org.bianmin.staff;

import org.bianmin.web.Text;

import java.time.Instant;
import java.util.List;
import org.bianmin.identity.DemoOrganisation;
import org.bianmin.identity.IdentityProperties;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The A/B roster: seeded from the demo organisation, maintained by administrators and supervisors. */
@Service
public class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    public record PostView(String window, String windowName, String post, String a, String aName, boolean aPresent,
                           String b, String bName, boolean bPresent) {
    }

    public record RosterChange(@Text(max = 100) String post, @Text(max = 64) String a, @Text(max = 64) String b) {
    }

    private final RosterRepository roster;
    private final AbsenceRepository absences;
    private final StaffDirectory directory;
    private final IdentityProperties properties;

    RosterService(RosterRepository roster, AbsenceRepository absences, StaffDirectory directory, IdentityProperties properties) {
        this.roster = roster;
        this.absences = absences;
        this.directory = directory;
        this.properties = properties;
    }

    /** Creates the demo windows' posts once (at start, after the demo users exist); later edits are kept. */
    @Transactional
    public void seedDemoRoster() {
        if (!properties.demo().enabled()) {
            return;
        }
        int created = 0;
        for (DemoOrganisation.Window window : DemoOrganisation.load().windows()) {
            if (!roster.exists(window.id(), window.post())) {
                roster.insert(new RosterPost(window.id(), window.post(), window.a(), window.b()), now(), "system");
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo roster: {} window posts with their A/B persons", created);
        }
    }

    public List<PostView> overview() {
        Instant now = now();
        return roster.all().stream().map(p -> view(p, now)).toList();
    }

    public List<RosterPost> posts() {
        return roster.all();
    }

    /** The posts on which the person is the A person (B covers them). */
    public List<RosterPost> postsWhereA(String staff) {
        return roster.whereA(staff);
    }

    public boolean isPresent(String staff, Instant at) {
        return absences.at(staff, at).isEmpty();
    }

    @Transactional
    public List<PostView> change(String window, RosterChange change, String changedBy) {
        List<RosterPost> posts = roster.ofWindow(window);
        if (posts.isEmpty()) {
            throw ApiException.invalidField("window", "排班中没有该窗口: " + window, "no such window in the roster");
        }
        if (change == null) {
            throw ApiException.missingBody();
        }
        RosterPost post;
        if (change.post() == null || change.post().isBlank()) {
            if (posts.size() > 1) {
                throw ApiException.invalidField("post", "该窗口有多个岗位, 须指明岗位", "the window has several posts, name one");
            }
            post = posts.get(0);
        } else {
            post = posts.stream().filter(p -> p.post().equals(change.post().strip())).findFirst()
                    .orElseThrow(() -> ApiException.invalidField("post", "岗位不存在: " + change.post(), "no such post"));
        }
        String a = directory.requireUser("a", "A岗人员", change.a());
        String b = directory.requireUser("b", "B岗人员", change.b());
        if (a.equals(b)) {
            throw ApiException.invalidField("b", "A岗和B岗不能是同一人", "A and B must be different persons");
        }
        for (String[] person : List.of(new String[] {"a", a}, new String[] {"b", b})) {
            if (!directory.isMember(person[1], window)) {
                throw ApiException.invalidField(person[0], person[1] + " 不属于窗口 " + window, "not a member of the window group");
            }
        }
        roster.update(new RosterPost(window, post.post(), a, b), now(), changedBy);
        Instant now = now();
        return roster.ofWindow(window).stream().map(p -> view(p, now)).toList();
    }

    private PostView view(RosterPost p, Instant now) {
        return new PostView(p.window(), directory.windowName(p.window()), p.post(), p.a(), directory.name(p.a()),
                isPresent(p.a(), now), p.b(), directory.name(p.b()), isPresent(p.b(), now));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
