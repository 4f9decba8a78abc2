package vn.city.meeting.access;

import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.Roles;

import java.util.Collection;

/**
 * Who may do what with a meeting: the secretariat schedules and records; a leader (the chair) concludes and
 * publishes; attendees give opinions; viewers read everything; an officer sees only meetings its unit attends.
 */
public final class MeetingAccess {

    private MeetingAccess() {
    }

    public static void requireSecretariat(CurrentUser user) {
        if (!user.has(Roles.SECRETARIAT)) {
            throw ProblemException.forbidden("only the secretariat schedules meetings and records items and outcomes");
        }
    }

    public static void requireChair(CurrentUser user) {
        if (!user.has(Roles.LEADER)) {
            throw ProblemException.forbidden("only a leader chairing the meeting concludes and publishes it");
        }
    }

    public static void requireDrafter(CurrentUser user) {
        if (!user.has(Roles.LEADER) && !user.has(Roles.SECRETARIAT)) {
            throw ProblemException.forbidden("only the chair or the secretariat drafts the conclusion");
        }
    }

    public static boolean canSee(CurrentUser user, Collection<String> attendeeUnits) {
        if (user.has(Roles.LEADER) || user.has(Roles.SECRETARIAT) || user.has(Roles.VIEWER)) {
            return true;
        }
        return attends(user, attendeeUnits);
    }

    public static void requireSee(CurrentUser user, Collection<String> attendeeUnits) {
        if (!canSee(user, attendeeUnits)) {
            throw ProblemException.forbidden("unit '" + user.department() + "' does not attend this meeting");
        }
    }

    /** Leaders sit in every meeting; an officer speaks for its unit when the unit attends. */
    public static void requireAttendee(CurrentUser user, Collection<String> attendeeUnits) {
        if (user.has(Roles.LEADER)) {
            return;
        }
        if (user.has(Roles.OFFICER) && attends(user, attendeeUnits)) {
            return;
        }
        throw ProblemException.forbidden("only attendees give opinions; '" + user.username() + "' of unit '"
                + user.department() + "' does not attend");
    }

    private static boolean attends(CurrentUser user, Collection<String> attendeeUnits) {
        return user.department() != null && attendeeUnits != null
                && attendeeUnits.stream().anyMatch(u -> u.equalsIgnoreCase(user.department()));
    }
}
