package vn.city.indicator.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the extensible list of measure units (tỷ đồng, tấn, %, …). */
@Entity
@Table(name = "measure_unit")
public class MeasureUnit extends PanacheEntityBase {

    public static final String PERCENT = "%";

    @Id
    public String code;
    public String name;
}
