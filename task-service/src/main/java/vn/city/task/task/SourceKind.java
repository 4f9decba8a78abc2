package vn.city.task.task;

/** Where a task comes from: a meeting's conclusion, a document, an indicator signal, or nowhere in particular. */
public enum SourceKind {
    CONCLUSION, DOCUMENT, AD_HOC, INDICATOR
}
