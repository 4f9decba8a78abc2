package vn.city.indicator;

/**
 * Told after a change to the catalogue, units, successions, targets or deadlines has committed, so what is held in
 * memory is refreshed at once on this replica (other replicas learn it from the database's notification).
 */
public interface CatalogueChanges {

    void invalidate();
}
