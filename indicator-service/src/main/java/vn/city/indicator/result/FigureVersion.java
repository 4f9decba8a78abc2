package vn.city.indicator.result;

/** Grade of a figure: an estimate ("ước") is revised by a preliminary ("sơ bộ") and an official ("chính thức") one. */
public enum FigureVersion {
    ESTIMATE(1), PRELIMINARY(2), OFFICIAL(3);

    private final int grade;

    FigureVersion(int grade) {
        this.grade = grade;
    }

    public int grade() {
        return grade;
    }
}
