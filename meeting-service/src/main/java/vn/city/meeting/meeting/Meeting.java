package vn.city.meeting.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.city.meeting.persistence.StringListConverter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public MeetingType type;
    public String title;
    public String period;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    public String place;
    public String chair;
    @Convert(converter = StringListConverter.class)
    @Column(name = "attendee_units")
    public List<String> attendeeUnits = new ArrayList<>();
    @Convert(converter = StringListConverter.class)
    @Column(name = "attendee_people")
    public List<String> attendeePeople = new ArrayList<>();
    /** Who was present, as recorded by the secretariat. */
    @Convert(converter = StringListConverter.class)
    public List<String> attendance = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public MeetingStatus status;
    @Column(name = "status_note")
    public String statusNote;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "concluded_at")
    public OffsetDateTime concludedAt;

    public boolean attendedBy(String unitCode) {
        return unitCode != null && attendeeUnits.stream().anyMatch(u -> u.equalsIgnoreCase(unitCode));
    }
}
