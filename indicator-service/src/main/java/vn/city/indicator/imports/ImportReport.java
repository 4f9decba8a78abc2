package vn.city.indicator.imports;

import vn.city.indicator.figure.FigureView;

import java.util.List;

/** What an import stored: every figure, in file order. */
public record ImportReport(int imported, List<FigureView> figures) {
}
