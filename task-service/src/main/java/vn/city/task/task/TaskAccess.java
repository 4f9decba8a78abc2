package vn.city.task.task;

import vn.city.common.problem.ProblemException;
import vn.city.common.security.CurrentUser;
import vn.city.common.security.Roles;

/**
 * Who may see and work on a task. Leaders, the secretariat and viewers read every task; an officer reads and
 * reports only on tasks of its own unit (lead or coordinating). Leaders decide (accept, return, cancel, extend).
 */
public final class TaskAccess {

    private TaskAccess() {
    }

    public static boolean readsAll(CurrentUser user) {
        return user.has(Roles.LEADER) || user.has(Roles.SECRETARIAT) || user.has(Roles.VIEWER);
    }

    public static boolean involves(Task task, String unitCode) {
        if (unitCode == null) {
            return false;
        }
        if (unitCode.equalsIgnoreCase(task.leadUnit)) {
            return true;
        }
        for (String u : task.coordinatingUnits) {
            if (unitCode.equalsIgnoreCase(u)) {
                return true;
            }
        }
        return false;
    }

    public static void requireRead(CurrentUser user, Task task) {
        if (readsAll(user)) {
            return;
        }
        if (user.has(Roles.OFFICER) && involves(task, user.department())) {
            return;
        }
        throw ProblemException.forbidden("user '" + user.username() + "' of unit '" + user.department()
                + "' may not see task " + task.id + ": it is neither lead nor coordinating unit");
    }

    /** Start, submit and ask for an extension: the lead unit (or the secretariat/leaders on its behalf). */
    public static void requireLeadUnit(CurrentUser user, Task task) {
        requireWriter(user);
        if (!user.actsFor(task.leadUnit)) {
            throw ProblemException.forbidden("only the lead unit '" + task.leadUnit + "' may do this; user '"
                    + user.username() + "' is of unit '" + user.department() + "'");
        }
    }

    /** Report progress: the lead or a coordinating unit, for the unit it acts for. */
    public static void requireReportsFor(CurrentUser user, Task task, String unitCode) {
        requireWriter(user);
        if (!involves(task, unitCode)) {
            throw ProblemException.forbidden("unit '" + unitCode + "' is neither lead nor coordinating unit of task "
                    + task.id);
        }
        if (!user.actsFor(unitCode)) {
            throw ProblemException.forbidden("user '" + user.username() + "' of unit '" + user.department()
                    + "' may not report for unit '" + unitCode + "'");
        }
    }

    public static void requireLeader(CurrentUser user) {
        if (!user.has(Roles.LEADER)) {
            throw ProblemException.forbidden("only a leader may do this");
        }
    }

    private static void requireWriter(CurrentUser user) {
        if (!(user.has(Roles.OFFICER) || user.has(Roles.SECRETARIAT) || user.has(Roles.LEADER))) {
            throw ProblemException.forbidden("this operation needs one of the roles department-officer, secretariat, leader");
        }
    }
}
