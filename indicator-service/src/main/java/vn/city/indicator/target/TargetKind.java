package vn.city.indicator.target;

/** Where a target comes from: a resolution ("nghị quyết") or a plan ("kế hoạch"). */
public enum TargetKind {
    RESOLUTION, PLAN
}
