/**
 * What task-service takes from indicator-service's events: {@code unit-changed} keeps the unit directory, and
 * {@code indicator-off-track} opens a follow-up task. A feature of its own so that neither {@code unit} nor
 * {@code followup} depends on the other.
 */
package vn.city.task.indicator;
