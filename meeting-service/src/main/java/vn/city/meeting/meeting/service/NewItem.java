package vn.city.meeting.meeting.service;

import vn.city.meeting.meeting.ItemKind;

/** An agenda item the secretariat adds: a report, or an item put for opinion (which names its presenting unit). */
public record NewItem(ItemKind kind, String title, String presentingUnit, String documentKind, String documentRef) {
}
